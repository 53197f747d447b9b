package io.meterhub.routes.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.routes.api.ApiException;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.Sort;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComplexQueryParserTest {

    private static ComplexQuery parse(String body) {
        return ComplexQueryParser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String filter) {
        return "{\"filter\": " + com.fasterxml.jackson.databind.node.TextNode.valueOf(filter) + "}";
    }

    private static void rejects(String body, String message) {
        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    private static void rejectsStartingWith(String body, String prefix) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(ApiException.class).hasMessageStartingWith(prefix);
    }

    @Test
    void ceilometersDocumentedExample() {
        ComplexQuery q = parse(
                "{\"filter\": \"{\\\"and\\\": [{\\\"and\\\": [{\\\"=\\\": {\\\"counter_name\\\": \\\"cpu_util\\\"}}, "
                        + "{\\\">\\\": {\\\"counter_volume\\\": 0.23}}, {\\\"<\\\": {\\\"counter_volume\\\": 0.26}}]}, "
                        + "{\\\"or\\\": [{\\\"and\\\": [{\\\">\\\": {\\\"timestamp\\\": \\\"2013-12-01T18:00:00\\\"}}, "
                        + "{\\\"<\\\": {\\\"timestamp\\\": \\\"2013-12-01T18:15:00\\\"}}]}, {\\\"and\\\": [{\\\">\\\": "
                        + "{\\\"timestamp\\\": \\\"2013-12-01T18:30:00\\\"}}, {\\\"<\\\": {\\\"timestamp\\\": "
                        + "\\\"2013-12-01T18:45:00\\\"}}]}]}]}\", "
                        + "\"orderby\": \"[{\\\"counter_volume\\\": \\\"ASC\\\"}, {\\\"timestamp\\\": \\\"DESC\\\"}]\", \"limit\": 42}");

        assertThat(q.filter())
                .isEqualTo(new Filter.And(List.of(
                        new Filter.And(List.of(
                                Filter.eq("counter_name", "cpu_util"),
                                new Filter.Compare("counter_volume", Op.GT, 0.23),
                                new Filter.Compare("counter_volume", Op.LT, 0.26))),
                        new Filter.Or(List.of(
                                new Filter.And(List.of(
                                        new Filter.Compare("timestamp", Op.GT, Instant.parse("2013-12-01T18:00:00Z")),
                                        new Filter.Compare("timestamp", Op.LT, Instant.parse("2013-12-01T18:15:00Z")))),
                                new Filter.And(List.of(
                                        new Filter.Compare("timestamp", Op.GT, Instant.parse("2013-12-01T18:30:00Z")),
                                        new Filter.Compare(
                                                "timestamp", Op.LT, Instant.parse("2013-12-01T18:45:00Z")))))))));
        assertThat(q.orderBy()).containsExactly(Sort.asc("counter_volume"), Sort.desc("timestamp"));
        assertThat(q.limit()).isEqualTo(42);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"=|EQ", "!=|NE", "<|LT", ">|GT", "<=|LE", "=<|LE", ">=|GE", "=>|GE"})
    void eachComparison(String op, Op expected) {
        assertThat(parse(body("{\"" + op + "\": {\"volume\": 5}}")).filter())
                .isEqualTo(new Filter.Compare("counter_volume", expected, 5L));
    }

    @Test
    void notInRegexAndOperatorsInAnyCase() {
        assertThat(parse(body("{\"NOT\": {\"In\": {\"resource\": [\"a\", 2]}}}"))
                        .filter())
                .isEqualTo(new Filter.Not(new Filter.In("resource_id", List.of("a", 2L))));
        assertThat(parse(body("{\"=~\": {\"meter\": \"^disk\\\\.\"}}")).filter())
                .isEqualTo(new Filter.Matches("counter_name", "^disk\\."));
        assertThat(parse(body("{\"OR\": [{\"=\": {\"user\": \"u\"}}, {\"=\": {\"project\": \"p\"}}]}"))
                        .filter())
                .isEqualTo(new Filter.Or(List.of(Filter.eq("user_id", "u"), Filter.eq("project_id", "p"))));
    }

    @Test
    void aliasesAndMetadataFields() {
        assertThat(parse(
                                body(
                                        "{\"and\": [{\"=\": {\"type\": \"gauge\"}}, {\"=\": {\"unit\": \"MiB\"}}, "
                                                + "{\"=\": {\"metadata.flavor.name\": \"m1.tiny\"}}, {\"=\": {\"metadata.ok\": true}}]}"))
                        .filter())
                .isEqualTo(new Filter.And(List.of(
                        Filter.eq("counter_type", "gauge"),
                        Filter.eq("counter_unit", "MiB"),
                        Filter.eq("resource_metadata.flavor.name", "m1.tiny"),
                        Filter.eq("resource_metadata.ok", true))));
    }

    @Test
    void nothingButABodyIsEverything() {
        ComplexQuery q = parse("{}");

        assertThat(q.filter()).isEqualTo(Filter.ALL);
        assertThat(q.orderBy()).isEmpty();
        assertThat(q.limit()).isNull();
    }

    @Test
    void refusesMalformedFilters() {
        rejectsStartingWith(body("{\"=\": "), "Filter expression not valid: ");
        rejects(
                body("{\"and\": [{\"=\": {\"meter\": \"a\"}}]}"),
                "Filter expression not valid: 'and' needs a list of at least two expressions, got [{\"=\":{\"meter\":\"a\"}}]");
        rejects(
                body("{\"=\": {\"meter\": \"a\", \"unit\": \"b\"}}"),
                "Filter expression not valid: the operand of '=' must be an object with exactly one key, got "
                        + "{\"meter\":\"a\",\"unit\":\"b\"}");
        rejects(
                body("{\"=\": {\"meter\": \"a\"}, \"!=\": {\"unit\": \"b\"}}"),
                "Filter expression not valid: an expression must be an object with exactly one key, got "
                        + "{\"=\":{\"meter\":\"a\"},\"!=\":{\"unit\":\"b\"}}");
        rejects(
                body("{\"like\": {\"meter\": \"a\"}}"),
                "Filter expression not valid: unknown operator 'like' (and, or, not, in, =, !=, <, >, <=, =<, >=, =>, =~)");
        rejects(
                body("{\"=\": {\"colour\": \"red\"}}"),
                "Filter expression not valid: 'colour' is not a field of samples");
        rejects(
                body("{\"=\": {\"resource_metadata.x\": 1}}"),
                "Filter expression not valid: 'resource_metadata.x' is not a field of samples");
        rejects(
                body("{\"=\": {\"meter\": [1]}}"),
                "Filter expression not valid: [1] is not a string, a number or a boolean");
        rejects(
                body("{\"in\": {\"meter\": []}}"),
                "Filter expression not valid: 'in' needs a non-empty list of values for meter, got []");
        rejects(body("{\"in\": {\"meter\": [true]}}"), "Filter expression not valid: true is not a string or a number");
        rejects(
                body("{\"=~\": {\"meter\": 3}}"),
                "Filter expression not valid: '=~' needs a regular expression string, got 3");
        rejects(body("{\">\": {\"timestamp\": \"noon\"}}"), "Failed to parse the timestamp value noon");
    }

    @Test
    void refusesMalformedOrderingsAndLimits() {
        rejects(
                "{\"orderby\": \"[{\\\"volume\\\": \\\"up\\\"}]\"}",
                "Order-by expression not valid: the direction of volume must be asc or desc, got \"up\"");
        rejects(
                "{\"orderby\": \"[{\\\"metadata.x\\\": \\\"asc\\\"}]\"}",
                "Order-by expression not valid: 'metadata.x' is not a field of samples");
        rejects(
                "{\"orderby\": \"{\\\"volume\\\": \\\"asc\\\"}\"}",
                "Order-by expression not valid: a list of {\"<field>\": \"asc\"|\"desc\"} expected, got {\"volume\":\"asc\"}");
        rejects("{\"limit\": 0}", "Limit should be positive");
        rejects("{\"limit\": -3}", "Limit should be positive");
        rejects(
                "{\"limit\": \"ten\"}",
                "Invalid input for field/attribute limit. Value: 'ten'. unable to convert to int");
        rejects(
                "{\"filter\": {\"=\": {\"meter\": \"a\"}}}",
                "Invalid input for field/attribute filter. Value: '{\"=\":{\"meter\":\"a\"}}'. the filter is a JSON "
                        + "document encoded in a string");
        rejects("{\"where\": \"x\"}", "Unknown argument: \"where\"");
        rejectsStartingWith("not json", "the request body is not JSON");
        rejects("[1]", "the request body must be a JSON object with filter, orderby and limit");
    }
}
