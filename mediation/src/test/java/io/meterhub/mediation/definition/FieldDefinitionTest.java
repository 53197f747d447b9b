package io.meterhub.mediation.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.JsonPathEvaluationException;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldDefinitionTest {

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final JsonNode BODY = json(
            """
            {"ctxt": {"user_id": "u1", "user": null, "project_id": "p1"},
             "publisher_id": "compute.host1.example",
             "payload": {"tenant_id": null, "size": 10, "list": [1, null, 3], "dict": {"a": 1}}}
            """);

    @Test
    void aStringIsOneJsonPath() {
        assertThat(FieldDefinition.of("project_id", "ctxt.project_id").parse(BODY))
                .isEqualTo(json("\"p1\""));
    }

    @Test
    void parseGivesTheFirstNonNullValueOfAUnion() {
        FieldDefinition d = FieldDefinition.of("project_id", List.of("payload.tenant_id", "ctxt.project_id"));
        assertThat(d.parse(BODY)).isEqualTo(json("\"p1\""));
    }

    @Test
    void parseAllKeepsNullValuesWithoutAPlugin() {
        FieldDefinition d = FieldDefinition.of("x", "payload.list[*]");
        assertThat(d.parseAll(BODY)).containsExactly(json("1"), NullNode.getInstance(), json("3"));
        assertThat(d.parse(BODY)).isEqualTo(json("1"));
    }

    @Test
    void nothingMatchedParsesToNull() {
        assertThat(FieldDefinition.of("x", "payload.missing").parse(BODY)).isNull();
        assertThat(FieldDefinition.of("x", "payload.tenant_id").parse(BODY)).isNull();
        assertThat(FieldDefinition.of("x", "payload.missing").parseAll(BODY)).isEmpty();
    }

    @Test
    void anIntegerIsAConstant() {
        FieldDefinition d = FieldDefinition.of("volume", 1);
        assertThat(d.isConstant()).isTrue();
        assertThat(d.parse(BODY).isIntegralNumber()).isTrue();
        assertThat(d.parse(BODY).asInt()).isEqualTo(1);
        assertThat(d.parseAll(BODY)).containsExactly(d.parse(BODY));
        assertThat(FieldDefinition.of("volume", Map.of("fields", List.of(3)))
                        .parse(BODY)
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void aMappingGivesFieldsAndPlugin() {
        FieldDefinition d = FieldDefinition.of(
                "service",
                Map.of(
                        "fields",
                        "publisher_id",
                        "plugin",
                        Map.of("name", "split", "parameters", Map.of("segment", 1))));
        assertThat(d.parse(BODY)).isEqualTo(TextNode.valueOf("host1"));
    }

    @Test
    void aJsonNodeConfigurationIsReadLikeTheYaml() {
        FieldDefinition d =
                FieldDefinition.of("service", json("{\"fields\": [\"payload.tenant_id\", \"ctxt.user_id\"]}"));
        assertThat(d.parse(BODY)).isEqualTo(TextNode.valueOf("u1"));
    }

    @Test
    void theFieldsEntryIsRequired() {
        assertThatThrownBy(() -> FieldDefinition.of("size", Map.of("type", "int")))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("The field 'fields' is required for size");
    }

    @Test
    void anUnknownPluginIsRejected() {
        assertThatThrownBy(() -> FieldDefinition.of("bar", Map.of("fields", "payload.size", "plugin", "foo")))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("No plugin named foo available for bar");
    }

    @Test
    void aPluginNeedsAName() {
        assertThatThrownBy(() ->
                        FieldDefinition.of("bar", Map.of("fields", "a", "plugin", Map.of("parameters", Map.of()))))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Plugin specified, but no plugin name supplied for bar");
    }

    @Test
    void aBadJsonPathIsRejectedNamingTheSpecificationAndTheDefinition() {
        assertThatThrownBy(() -> FieldDefinition.of("volume", List.of("payload.size", "payload.[")))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith(
                        "Parse error in JSONPath specification '(payload.size)|(payload.[)' for volume: ");
    }

    @Test
    void fieldsThatAreNeitherTextNorIntegerAreRejected() {
        assertThatThrownBy(() -> FieldDefinition.of("volume", 1.5))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("Parse error in JSONPath specification '1.5' for volume: ");
        assertThatThrownBy(() -> FieldDefinition.of("volume", List.of()))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith("Parse error in JSONPath specification '' for volume: ");
    }

    @Test
    void thePluginSeesMatchPathsAndOnlyNonNullValues() {
        List<List<JsonPathMatch>> seen = new ArrayList<>();
        TraitPluginRegistry plugins = TraitPluginRegistry.ceilometer().with("spy", p -> new TraitPlugin() {
            @Override
            public List<JsonNode> traitValues(List<JsonPathMatch> matches) {
                seen.add(matches);
                return java.util.Arrays.asList(null, TextNode.valueOf("second"));
            }

            @Override
            public boolean supportsReturnAllValues() {
                return true;
            }
        });
        FieldDefinition d = FieldDefinition.of("x", Map.of("fields", "payload.list[*]", "plugin", "spy"), plugins);
        assertThat(d.parse(BODY)).isEqualTo(TextNode.valueOf("second"));
        assertThat(seen.get(0))
                .containsExactly(
                        new JsonPathMatch("payload.list.[0]", json("1")),
                        new JsonPathMatch("payload.list.[2]", json("3")));
        assertThat(d.parseAll(BODY)).containsExactly(TextNode.valueOf("second"));
        assertThat(seen.get(1)).hasSize(3);
    }

    @Test
    void parseAllFailsWhenThePluginCannotReturnAllValues() {
        FieldDefinition d = FieldDefinition.of("x", Map.of("fields", "payload.size", "plugin", "bitfield"));
        assertThatThrownBy(() -> d.parseAll(BODY))
                .isInstanceOf(DefinitionException.class)
                .hasMessage("Plugin bitfield don't allows to return multiple values");
    }

    @Test
    void evaluationErrorsFailTheParseAsInCeilometer() {
        FieldDefinition d = FieldDefinition.of("x", "payload.dict[0]");
        assertThatThrownBy(() -> d.parse(BODY))
                .isInstanceOfSatisfying(JsonPathEvaluationException.class, e -> assertThat(e.pythonType())
                        .isEqualTo("KeyError"));
    }

    @Test
    void pluginParametersMustBeAMapping() {
        assertThatThrownBy(() -> FieldDefinition.of(
                        "x", Map.of("fields", "a", "plugin", Map.of("name", "split", "parameters", List.of(1)))))
                .isInstanceOf(DefinitionException.class);
    }

    @Test
    void userMetadataHasNoName() {
        FieldDefinition d = FieldDefinition.of(null, "$.payload.dict");
        assertThat(d.name()).isNull();
        assertThat(d.parse(BODY)).isEqualTo(json("{\"a\": 1}"));
    }
}
