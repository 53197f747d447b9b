package io.meterhub.routes.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.QueryParams;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimpleQueryConverterTest {

    private static List<SimpleQuery> q(String query) {
        return SimpleQuery.from(QueryParams.parse(query));
    }

    private static Filter filter(String query, QueryTarget target) {
        return SimpleQueryConverter.convert(q(query), target).filter();
    }

    private static void rejects(String query, QueryTarget target, String message) {
        assertThatThrownBy(() -> SimpleQueryConverter.convert(q(query), target))
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(400));
    }

    @Test
    void pairsFieldsOpsValuesAndTypesByPosition() {
        List<SimpleQuery> parsed = q("q.field=a&q.field=b&q.op=lt&q.value=1&q.value=2&q.type=&q.type=integer");

        assertThat(parsed)
                .containsExactly(new SimpleQuery("a", "lt", "1", null), new SimpleQuery("b", null, "2", "integer"));
        assertThat(parsed.get(1).opOrDefault()).isEqualTo("eq");
    }

    @Test
    void noQueryIsEverything() {
        assertThat(filter("", QueryTarget.SAMPLES)).isEqualTo(new Filter.And(List.of()));
    }

    @Test
    void idFieldsAndTheirShortNamesBecomeStoredFieldsComparedAsText() {
        assertThat(filter(
                        "q.field=user_id&q.value=u1&q.field=project&q.value=p1&q.field=resource_id&q.value=42"
                                + "&q.field=meter&q.value=cpu&q.field=source&q.value=openstack&q.field=message_id&q.value=m",
                        QueryTarget.SAMPLES))
                .isEqualTo(new Filter.And(List.of(
                        Filter.eq("user_id", "u1"),
                        Filter.eq("project_id", "p1"),
                        Filter.eq("resource_id", "42"),
                        Filter.eq("counter_name", "cpu"),
                        Filter.eq("source", "openstack"),
                        Filter.eq("message_id", "m"))));
    }

    @Test
    void theLastConditionOnAFieldWins() {
        assertThat(filter("q.field=project_id&q.value=a&q.field=project&q.value=b", QueryTarget.SAMPLES))
                .isEqualTo(new Filter.And(List.of(Filter.eq("project_id", "b"))));
    }

    @Test
    void metadataFieldsCompareTheResourceMetadataWithTheValueTyped() {
        assertThat(filter(
                        "q.field=metadata.flavor.ram&q.value=512&q.type=&q.field=resource_metadata.state&q.value=active"
                                + "&q.type=&q.field=metadata.size&q.value=1.5&q.type=float&q.field=metadata.ok&q.value=True",
                        QueryTarget.SAMPLES))
                .isEqualTo(new Filter.And(List.of(
                        Filter.eq("resource_metadata.flavor.ram", 512L),
                        Filter.eq("resource_metadata.state", "active"),
                        Filter.eq("resource_metadata.size", 1.5),
                        Filter.eq("resource_metadata.ok", true))));
    }

    @Test
    void timestampBoundsWithTheirOperators() {
        SampleCriteria c = SimpleQueryConverter.convert(
                q("q.field=timestamp&q.op=ge&q.value=2012-05-08T20:00:00&q.field=timestamp&q.op=lt"
                        + "&q.value=2012-05-09T00:00:00%2B02:00"),
                QueryTarget.SAMPLES);

        Instant start = Instant.parse("2012-05-08T20:00:00Z");
        Instant end = Instant.parse("2012-05-08T22:00:00Z");
        assertThat(c.filter())
                .isEqualTo(new Filter.And(List.of(
                        new Filter.Compare("timestamp", Op.GE, start), new Filter.Compare("timestamp", Op.LT, end))));
        assertThat(c.start()).isEqualTo(start);
        assertThat(c.end()).isEqualTo(end);
        assertThat(c.requestedStart()).isEqualTo(start);
    }

    @Test
    void searchOffsetWidensTheBoundsButNotTheRequestedOnes() {
        SampleCriteria c = SimpleQueryConverter.convert(
                q("q.field=timestamp&q.op=gt&q.value=2012-05-08T20:00:00&q.field=timestamp&q.op=le"
                        + "&q.value=2012-05-08T21:00:00&q.field=search_offset&q.value=10"),
                QueryTarget.RESOURCES);

        assertThat(c.filter())
                .isEqualTo(new Filter.And(List.of(
                        new Filter.Compare("timestamp", Op.GT, Instant.parse("2012-05-08T19:50:00Z")),
                        new Filter.Compare("timestamp", Op.LE, Instant.parse("2012-05-08T21:10:00Z")))));
        assertThat(c.requestedStart()).isEqualTo(Instant.parse("2012-05-08T20:00:00Z"));
        assertThat(c.requestedEnd()).isEqualTo(Instant.parse("2012-05-08T21:00:00Z"));
    }

    @Test
    void anOperatorOtherThanEqOnAnOrdinaryFieldIsUnimplemented() {
        rejects(
                "q.field=project_id&q.op=ne&q.value=p",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute op. Value: 'ne'. unimplemented operator for project_id");
        rejects(
                "q.field=metadata.x&q.op=gt&q.value=1",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute op. Value: 'gt'. unimplemented operator for metadata.x");
    }

    @Test
    void anUnknownOperatorIsInvalidInput() {
        rejects(
                "q.field=project_id&q.op=like&q.value=p",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute op. Value: 'like'. Value should be one of: eq, ge, gt, le, lt, ne");
    }

    @Test
    void anUnknownFieldListsTheQueryAndTheValidKeys() {
        rejects(
                "q.field=colour&q.value=red",
                QueryTarget.SAMPLES,
                "Unknown argument: \"colour\": unrecognized field in query: [<Query 'colour' eq 'red' None>], valid keys: "
                        + "['message_id', 'meter', 'project', 'resource', 'search_offset', 'source', 'timestamp', 'user']");
        rejects(
                "q.field=meter&q.value=cpu",
                QueryTarget.METERS,
                "Unknown argument: \"meter\": unrecognized field in query: [<Query 'meter' eq 'cpu' None>], valid keys: "
                        + "['limit', 'project', 'resource', 'source', 'user']");
        rejects(
                "q.value=x",
                QueryTarget.RESOURCES,
                "Unknown argument: \"None\": unrecognized field in query: [<Query None eq 'x' None>], valid keys: "
                        + "['limit', 'project', 'resource', 'search_offset', 'source', 'timestamp', 'user']");
    }

    @Test
    void timestampsAreRefusedWhereTheEndpointHasNone() {
        rejects(
                "q.field=timestamp&q.op=gt&q.value=2012-01-01",
                QueryTarget.METERS,
                "Unknown argument: \"timestamp\": not valid for this resource");
    }

    @Test
    void timestampNeedsARangeOperator() {
        rejects(
                "q.field=timestamp&q.value=2012-01-01",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute op. Value: 'eq'. unimplemented operator for timestamp");
    }

    @Test
    void anUnparseableTimestampIsInvalid() {
        rejects(
                "q.field=timestamp&q.op=gt&q.value=yesterday",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute timestamp. Value: 'yesterday'. invalid timestamp format");
    }

    @Test
    void searchOffsetNeedsATimestampAndAnInteger() {
        rejects(
                "q.field=search_offset&q.value=5",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute field. Value: 'search_offset'. search_offset cannot be used without "
                        + "timestamp");
        rejects(
                "q.field=timestamp&q.op=gt&q.value=2012-01-01&q.field=search_offset&q.value=five",
                QueryTarget.SAMPLES,
                "Invalid input for field/attribute search_offset. Value: 'five'. invalid integer");
    }

    @Test
    void limitIsNotAField() {
        rejects(
                "q.field=limit&q.value=5",
                QueryTarget.RESOURCES,
                "Limit is not a valid field for queries, use 'limit' parameter.");
    }

    @Test
    void aMetadataValueThatDoesNotConvertToItsTypeIsRefused() {
        rejects(
                "q.field=metadata.ram&q.value=lots&q.type=integer",
                QueryTarget.SAMPLES,
                "Unable to convert the value lots to the expected data type integer.");
        rejects(
                "q.field=metadata.ram&q.value=1&q.type=number",
                QueryTarget.SAMPLES,
                "The data type number is not supported. The supported data type list is: "
                        + "['integer', 'float', 'string', 'boolean', 'datetime']");
    }

    @ParameterizedTest
    @CsvSource({"lt,LT", "le,LE", "gt,GT", "ge,GE"})
    void eachTimestampOperator(String op, Op expected) {
        Filter f = filter("q.field=timestamp&q.op=" + op + "&q.value=2013-01-01T00:00:00", QueryTarget.SAMPLES);

        assertThat(f)
                .isEqualTo(new Filter.And(
                        List.of(new Filter.Compare("timestamp", expected, Instant.parse("2013-01-01T00:00:00Z")))));
    }
}
