package io.meterhub.mediation.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.model.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BitfieldTraitPluginTest {

    private static BitfieldTraitPlugin plugin(Object initial, List<?> flags) {
        return BitfieldTraitPlugin.of(
                new PluginParameters("bitfield", Map.of("initial_bitfield", initial, "flags", flags)));
    }

    private static JsonPathMatch match(String path, String json) throws Exception {
        return new JsonPathMatch(path, Json.mapper().readTree(json));
    }

    private static BigInteger bits(BitfieldTraitPlugin plugin, JsonPathMatch... matches) {
        List<JsonNode> values = plugin.traitValues(List.of(matches));
        assertThat(values).hasSize(1);
        assertThat(values.get(0).isIntegralNumber()).isTrue();
        return values.get(0).bigIntegerValue();
    }

    @Test
    void setsTheBitOfEachFlagWhosePathMatched() throws Exception {
        BitfieldTraitPlugin plugin =
                plugin(0, List.of(Map.of("path", "payload.a", "bit", 0), Map.of("path", "payload.b", "bit", 3)));
        assertThat(bits(plugin, match("payload.b", "\"x\""))).isEqualTo(8);
        assertThat(bits(plugin, match("payload.a", "1"), match("payload.b", "2")))
                .isEqualTo(9);
        assertThat(bits(plugin)).isZero();
    }

    @Test
    void aFlagWithAValueNeedsAnEqualValueByPythonsEquality() throws Exception {
        BitfieldTraitPlugin plugin = plugin(
                0,
                List.of(
                        Map.of("path", "payload.n", "bit", 0, "value", 7),
                        Map.of("path", "payload.n", "bit", 1, "value", 7.0),
                        Map.of("path", "payload.n", "bit", 2, "value", "7"),
                        Map.of("path", "payload.t", "bit", 3, "value", 1)));
        assertThat(bits(plugin, match("payload.n", "7"), match("payload.t", "true")))
                .isEqualTo(0b1011);
    }

    @Test
    void startsFromTheInitialBitfield() throws Exception {
        assertThat(bits(plugin(1024, List.of(Map.of("path", "p", "bit", 0))), match("p", "1")))
                .isEqualTo(1025);
    }

    @Test
    void highBitsGiveBigIntegersAsInPython() throws Exception {
        assertThat(bits(plugin(0, List.of(Map.of("path", "p", "bit", 70))), match("p", "1")))
                .isEqualTo(BigInteger.ONE.shiftLeft(70));
    }

    @Test
    void theLastMatchWithAPathCounts() throws Exception {
        BitfieldTraitPlugin plugin = plugin(0, List.of(Map.of("path", "p", "bit", 0, "value", 2)));
        assertThat(bits(plugin, match("p", "2"), match("p", "3"))).isZero();
        assertThat(bits(plugin, match("p", "3"), match("p", "2"))).isOne();
    }

    @Test
    void aBitMayBeWrittenAsAnyIntegerPythonsIntAccepts() throws Exception {
        assertThat(bits(plugin(0, List.of(Map.of("path", "p", "bit", "2"))), match("p", "1")))
                .isEqualTo(4);
        assertThat(bits(plugin(0, List.of(Map.of("path", "p", "bit", 2.9))), match("p", "1")))
                .isEqualTo(4);
    }

    @Test
    void rejectsFlagsPythonCouldNotUse() {
        assertThatThrownBy(() -> plugin(0, List.of(Map.of("bit", 1)))).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(0, List.of(Map.of("path", "p")))).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(0, List.of(Map.of("path", "p", "bit", -1))))
                .isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(0, List.of(Map.of("path", "p", "bit", "x"))))
                .isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin("0", List.of())).isInstanceOf(DefinitionException.class);
        assertThatThrownBy(() -> plugin(0, List.of("p"))).isInstanceOf(DefinitionException.class);
    }

    @Test
    void givesOneValueSoItDoesNotSupportReturningAll() {
        assertThat(plugin(0, List.of()).supportsReturnAllValues()).isFalse();
    }
}
