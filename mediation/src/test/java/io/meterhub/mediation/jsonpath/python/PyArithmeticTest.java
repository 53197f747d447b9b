package io.meterhub.mediation.jsonpath.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.meterhub.model.Json;
import org.junit.jupiter.api.Test;

class PyArithmeticTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void integersStayExactIntegers() throws Exception {
        assertThat(PyArithmetic.add(json("9223372036854775807"), json("1")).bigIntegerValue())
                .hasToString("9223372036854775808");
        assertThat(PyArithmetic.mul(json("3037000500"), json("3037000500")).isIntegralNumber())
                .isTrue();
        assertThat(PyArithmetic.add(json("true"), json("true"))).isEqualTo(LongNode.valueOf(2));
    }

    @Test
    void anIntMeetingAFloatGivesAFloat() throws Exception {
        JsonNode sum = PyArithmetic.add(json("1"), json("1.5"));
        assertThat(sum.isDouble()).isTrue();
        assertThat(sum.doubleValue()).isEqualTo(2.5);
        assertThat(PyArithmetic.truediv(json("1"), json("2")).doubleValue()).isEqualTo(0.5);
    }

    @Test
    void sequencesConcatenateAndRepeat() throws Exception {
        assertThat(PyArithmetic.add(json("\"a\""), json("\"b\""))).isEqualTo(json("\"ab\""));
        assertThat(PyArithmetic.mul(json("\"ab\""), json("3"))).isEqualTo(json("\"ababab\""));
        assertThat(PyArithmetic.mul(json("-1"), json("\"ab\""))).isEqualTo(json("\"\""));
        assertThat(PyArithmetic.mul(json("[1]"), json("2"))).isEqualTo(json("[1,1]"));
        assertThat(PyArithmetic.add(json("[1]"), json("[2]"))).isEqualTo(json("[1,2]"));
    }

    @Test
    void mismatchedTypesAreTypeErrors() {
        assertThatThrownBy(() -> PyArithmetic.add(json("\"a\""), json("1")))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.isTypeError()).isTrue());
        assertThatThrownBy(() -> PyArithmetic.mul(json("\"a\""), json("1.5")))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.isTypeError()).isTrue());
        assertThatThrownBy(() -> PyArithmetic.sub(json("null"), json("1")))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.isTypeError()).isTrue());
    }

    @Test
    void divisionByZeroIsNotATypeError() {
        assertThatThrownBy(() -> PyArithmetic.truediv(json("1"), json("0")))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.type()).isEqualTo("ZeroDivisionError"));
    }
}
