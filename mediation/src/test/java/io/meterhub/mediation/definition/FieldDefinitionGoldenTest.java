package io.meterhub.mediation.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.Golden;
import io.meterhub.mediation.jsonpath.JsonPathEvaluationException;
import io.meterhub.model.Json;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every definition of {@code jsonpath/golden.json}: what Ceilometer 19's {@code declarative.Definition} (with its
 * real trait plugins) raises for the configuration, or gives from {@code parse(obj)} and
 * {@code parse(obj, return_all_values=True)} on each document, must be what {@link FieldDefinition} does.
 */
class FieldDefinitionGoldenTest {

    private static final Golden GOLDEN = Golden.load();
    private static final String PARSE_ERROR = "Parse error in JSONPath specification ";

    @Test
    void goldenFileHasDefinitionsOfEveryKind() {
        List<JsonNode> definitions = definitions().toList();
        assertThat(definitions).hasSizeGreaterThan(80);
        assertThat(definitions.stream().filter(d -> d.has("error"))).hasSizeGreaterThan(10);
        assertThat(definitions.stream().filter(d -> d.path("config").has("plugin") && d.has("results")))
                .hasSizeGreaterThan(40);
    }

    @TestFactory
    Stream<DynamicTest> everyGoldenDefinition() {
        return definitions()
                .map(d -> DynamicTest.dynamicTest(d.get("name").asText() + ": " + d.get("config"), () -> check(d)));
    }

    private static Stream<JsonNode> definitions() {
        return StreamSupport.stream(GOLDEN.root().get("definitions").spliterator(), false);
    }

    private static void check(JsonNode d) {
        String name = d.get("name").isNull() ? null : d.get("name").textValue();
        Object config = Json.mapper().convertValue(d.get("config"), Object.class);
        if (d.has("error")) {
            String expected = d.get("error").textValue();
            assertThatThrownBy(() -> FieldDefinition.of(name, config))
                    .isInstanceOfSatisfying(DefinitionException.class, e -> {
                        if (expected.startsWith(PARSE_ERROR)) {
                            String prefix = expected.substring(
                                    0, expected.indexOf(" for " + name + ": ") + (" for " + name + ": ").length());
                            assertThat(e.getMessage()).startsWith(prefix);
                        } else if (expected.contains(" ")) {
                            assertThat(e.getMessage()).isEqualTo(expected);
                        }
                    });
            return;
        }
        FieldDefinition definition = FieldDefinition.of(name, config);
        for (JsonNode result : d.get("results")) {
            JsonNode body = GOLDEN.document(result.get("doc").textValue());
            String on = d.get("name").asText() + " on " + result.get("doc").textValue();
            if (result.has("firstError")) {
                assertThatThrownBy(() -> definition.parse(body))
                        .as(on)
                        .isInstanceOfSatisfying(JsonPathEvaluationException.class, e -> assertThat(e.pythonType())
                                .isEqualTo(result.get("firstError").textValue()));
            } else {
                assertSameOrNone(on + ": parse", definition.parse(body), result.get("first"));
            }
            checkAll(definition, d, result, body, on);
        }
    }

    private static void checkAll(FieldDefinition definition, JsonNode d, JsonNode result, JsonNode body, String on) {
        if (result.has("allError")) {
            String error = result.get("allError").textValue();
            if (error.startsWith("DefinitionException: ")) {
                assertThatThrownBy(() -> definition.parseAll(body))
                        .as(on)
                        .isInstanceOf(DefinitionException.class)
                        .hasMessage(error.substring("DefinitionException: ".length()));
            } else if (error.equals("TypeError")
                    && d.get("config").path("plugin").isTextual()) {
                // Ceilometer means to raise "Plugin x don't allows ..." but fails formatting it for a plugin given
                // by name alone (cfg["plugin"]["name"] on a string): a TypeError where we raise the intended one
                assertThatThrownBy(() -> definition.parseAll(body)).as(on).isInstanceOf(DefinitionException.class);
            } else {
                assertThatThrownBy(() -> definition.parseAll(body))
                        .as(on)
                        .isInstanceOfSatisfying(JsonPathEvaluationException.class, e -> assertThat(e.pythonType())
                                .isEqualTo(error));
            }
            return;
        }
        JsonNode expected = result.get("all");
        List<JsonNode> actual = definition.parseAll(body);
        if (!expected.isArray()) { // a constant: Ceilometer returns it bare
            assertThat(definition.isConstant()).as(on).isTrue();
            assertThat(actual).as(on).hasSize(1);
            assertSame(on + ": parseAll", actual.get(0), expected);
            return;
        }
        assertThat(actual).as(on + ": parseAll").hasSize(expected.size());
        for (int i = 0; i < actual.size(); i++) {
            assertSame(on + ": parseAll[" + i + "]", actual.get(i), expected.get(i));
        }
    }

    /** {@code parse} gives Java null for Python's None. */
    private static void assertSameOrNone(String what, JsonNode actual, JsonNode expected) {
        if (expected.isNull() ? actual != null : actual == null || !Golden.samePythonValue(actual, expected)) {
            fail("%s: expected %s but got %s", what, expected, actual);
        }
    }

    /** {@code parseAll} gives JSON nulls as they are. */
    private static void assertSame(String what, JsonNode actual, JsonNode expected) {
        if (actual == null || !Golden.samePythonValue(actual, expected)) {
            fail("%s: expected %s but got %s", what, expected, actual);
        }
    }
}
