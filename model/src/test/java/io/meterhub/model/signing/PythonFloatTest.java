package io.meterhub.model.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

    @ParameterizedTest
    @CsvSource({
        "1.0, 1.0",
        "100.0, 100.0",
        "0.1, 0.1",
        "1e-05, 1e-05",
        "0.0001, 0.0001",
        "1e15, 1000000000000000.0",
        "1e16, 1e+16",
        "1.5e300, 1.5e+300",
        "1024399.987654321, 1024399.987654321",
        "-0.0, -0.0",
        "0.0, 0.0",
        "4.9e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "2.82879384806159e17, 2.82879384806159e+17",
        "1e23, 1e+23",
        "-12.75, -12.75",
        "562949953421312.25, 562949953421312.2",
        "562949953421312.75, 562949953421312.8",
        "-825639205304283.75, -825639205304283.8",
    })
    void writesLikePythonRepr(double value, String python) {
        assertThat(Python.floatRepr(value)).isEqualTo(python);
    }

    @Test
    void nonFiniteValuesAsPython() {
        assertThat(Python.floatRepr(Double.NaN)).isEqualTo("nan");
        assertThat(Python.floatRepr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(Python.floatRepr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    }

    /** Python's own repr of a few thousand doubles (random bit patterns, short decimals, edges). */
    @Test
    void agreesWithPythonOnTheFixtureTable() {
        JsonNode table = SignatureVectors.read(SignatureVectors.EXTRA).get("float_reprs");
        List<String> mismatches = new ArrayList<>();
        for (JsonNode row : table) {
            double value = Double.longBitsToDouble(
                    Long.parseUnsignedLong(row.get("bits").textValue(), 16));
            String repr = Python.floatRepr(value);
            if (!repr.equals(row.get("repr").textValue())) {
                mismatches.add(row.get("bits").textValue() + ": python " + row.get("repr") + ", ours " + repr);
            }
        }
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(table.size()).isGreaterThan(2000);
            soft.assertThat(mismatches).isEmpty();
        });
    }
}
