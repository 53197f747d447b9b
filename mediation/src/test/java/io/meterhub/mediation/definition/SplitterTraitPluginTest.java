package io.meterhub.mediation.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.model.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitterTraitPluginTest {

    private static SplitterTraitPlugin plugin(Map<String, ?> parameters) {
        return SplitterTraitPlugin.of(new PluginParameters("split", parameters));
    }

    private static List<JsonNode> split(SplitterTraitPlugin plugin, String... values) {
        return plugin.traitValues(java.util.Arrays.stream(values)
                .map(v -> new JsonPathMatch("p", TextNode.valueOf(v)))
                .toList());
    }

    @Test
    void splitsOnDotsAndTakesTheFirstSegmentByDefault() {
        assertThat(split(plugin(Map.of()), "compute.host1")).containsExactly(TextNode.valueOf("compute"));
    }

    @Test
    void negativeSegmentsCountFromTheEnd() {
        assertThat(split(plugin(Map.of("segment", -1)), "a.b.c")).containsExactly(TextNode.valueOf("c"));
    }

    @Test
    void aSegmentPastTheEndGivesNone() {
        assertThat(split(plugin(Map.of("segment", 5)), "a.b")).containsExactly((JsonNode) null);
    }

    @Test
    void maxSplitLimitsTheSplits() {
        assertThat(split(plugin(Map.of("segment", 1, "max_split", 1)), "compute.host1.example"))
                .containsExactly(TextNode.valueOf("host1.example"));
    }

    @Test
    void aNullSeparatorSplitsOnWhitespace() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("separator", null);
        parameters.put("segment", 1);
        assertThat(split(plugin(parameters), " a \t b  c")).containsExactly(TextNode.valueOf("b"));
    }

    @Test
    void valuesThatAreNoStringsAreSplitAsPythonPrintsThem() throws Exception {
        SplitterTraitPlugin plugin = plugin(Map.of("separator", "|"));
        assertThat(plugin.traitValues(List.of(
                        new JsonPathMatch("a", Json.mapper().readTree("2.5")),
                        new JsonPathMatch("b", Json.mapper().readTree("true")),
                        new JsonPathMatch("c", Json.mapper().readTree("{\"k\": [1, null]}")))))
                .containsExactly(
                        TextNode.valueOf("2.5"), TextNode.valueOf("True"), TextNode.valueOf("{'k': [1, None]}"));
    }

    @Test
    void givesOneValuePerMatchSoItSupportsReturningAll() {
        assertThat(split(plugin(Map.of()), "a.b", "c.d")).hasSize(2);
        assertThat(plugin(Map.of()).supportsReturnAllValues()).isTrue();
    }

    @Test
    void rejectsAnEmptySeparatorAndSegmentsThatAreNoIntegers() {
        assertThatThrownBy(() -> plugin(Map.of("separator", ""))).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(Map.of("segment", "1"))).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(Map.of("max_split", 1.5))).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(Map.of("separator", 5))).isInstanceOf(DefinitionException.class);
    }

    @Test
    void ignoresParametersItDoesNotKnowAsCeilometerDoes() {
        assertThat(split(plugin(Map.of("colour", "red")), "a.b")).containsExactly(TextNode.valueOf("a"));
    }
}
