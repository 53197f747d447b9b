package io.meterhub.mediation.jsonpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code jsonpath/golden.json}: the real jsonpath_rw_ext's syntax tree or syntax error for each
 * expression, and its matches (paths and values) or exception on each document, must be ours.
 */
class JsonPathGoldenTest {

    private static final Golden GOLDEN = Golden.load();

    @Test
    void parseTableIsPlysTableForTheSameGrammar() {
        List<Map<String, String>> ply = new ArrayList<>();
        for (JsonNode state : GOLDEN.root().get("parseTable")) {
            Map<String, String> row = new TreeMap<>();
            state.fields()
                    .forEachRemaining(e -> row.put(e.getKey(), e.getValue().textValue()));
            ply.add(row);
        }
        assertThat(JsonPathGrammar.TABLE.canonical()).isEqualTo(ply);
    }

    @Test
    void goldenFileCoversEveryKindOfCase() {
        List<JsonNode> cases = cases().toList();
        assertThat(cases).hasSizeGreaterThan(2000);
        assertThat(cases.stream().filter(c -> c.has("syntaxError"))).hasSizeGreaterThan(500);
        assertThat(cases.stream().flatMap(c -> results(c).stream()).filter(r -> r.has("error")))
                .hasSizeGreaterThan(100);
        assertThat(cases.stream().filter(c -> c.get("source").textValue().equals("yaml")))
                .hasSizeGreaterThan(300);
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenCase() {
        return cases().map(c -> DynamicTest.dynamicTest(
                c.get("source").textValue() + ": " + c.get("expr").textValue(), () -> check(c)));
    }

    private static Stream<JsonNode> cases() {
        return StreamSupport.stream(GOLDEN.root().get("cases").spliterator(), false);
    }

    private static List<JsonNode> results(JsonNode c) {
        List<JsonNode> out = new ArrayList<>();
        c.path("results").forEach(out::add);
        return out;
    }

    private static void check(JsonNode c) {
        String expression = c.get("expr").textValue();
        if (c.has("syntaxError")) {
            assertThatThrownBy(() -> JsonPath.compile(expression))
                    .as(
                            "'%s': Python raises %s",
                            expression, c.get("syntaxError").textValue())
                    .isInstanceOf(JsonPathSyntaxException.class);
            return;
        }
        JsonPath path = JsonPath.compile(expression);
        assertThat(path.tree())
                .as("syntax tree of '%s'", expression)
                .isEqualTo(c.get("tree").textValue());
        for (JsonNode result : results(c)) {
            JsonNode document = GOLDEN.document(result.get("doc").textValue());
            String on = "'" + expression + "' on " + result.get("doc").textValue();
            if (result.has("error")) {
                assertThatThrownBy(() -> path.find(document))
                        .as(on)
                        .isInstanceOfSatisfying(JsonPathEvaluationException.class, e -> assertThat(e.pythonType())
                                .as(on)
                                .isEqualTo(result.get("error").textValue()));
                continue;
            }
            List<JsonPathMatch> matches = path.find(document);
            JsonNode expected = result.get("matches");
            assertSameMatches(on, matches, expected);
            assertThat(path.values(document))
                    .as(on)
                    .containsExactlyElementsOf(
                            matches.stream().map(JsonPathMatch::value).toList());
        }
    }

    private static void assertSameMatches(String on, List<JsonPathMatch> actual, JsonNode expected) {
        List<String> want = new ArrayList<>();
        expected.forEach(m -> want.add(m.get(0).textValue() + " = " + m.get(1)));
        List<String> got = new ArrayList<>();
        actual.forEach(m -> got.add(m.path() + " = " + m.value()));
        if (actual.size() != expected.size()) {
            fail("%s: expected %s but got %s", on, want, got);
        }
        for (int i = 0; i < actual.size(); i++) {
            JsonNode e = expected.get(i);
            if (!actual.get(i).path().equals(e.get(0).textValue())
                    || !Golden.samePythonValue(actual.get(i).value(), e.get(1))) {
                fail("%s: match %d: expected %s but got %s", on, i, want, got);
            }
        }
    }
}
