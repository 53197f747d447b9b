package io.meterhub.mediation.jsonpath.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PyIntTest {

    @Test
    void parsesWhatPythonsIntAccepts() {
        assertThat(PyInt.parse(" -1_000 ")).isEqualTo(BigInteger.valueOf(-1000));
        assertThat(PyInt.parse("+007")).isEqualTo(BigInteger.valueOf(7));
        assertThat(PyInt.parse("\u0661\u0662")).isEqualTo(BigInteger.valueOf(12)); // Arabic-Indic digits
        assertThat(PyInt.parse("123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.5", "_1", "1_", "1__0", "0x10", "1e3", "abc", "- 1"})
    void rejectsWhatPythonsIntRejects(String text) {
        assertThatThrownBy(() -> PyInt.parse(text)).isInstanceOfSatisfying(PyException.class, e -> assertThat(e.type())
                .isEqualTo("ValueError"));
    }

    @Test
    void truncatesFloatsAndCountsBoolsAsIntegers() {
        assertThat(PyInt.of(DoubleNode.valueOf(-2.7))).isEqualTo(BigInteger.valueOf(-2));
        assertThat(PyInt.of(BooleanNode.TRUE)).isEqualTo(BigInteger.ONE);
        assertThat(PyInt.of(TextNode.valueOf("42"))).isEqualTo(BigInteger.valueOf(42));
    }

    @Test
    void raisesLikePythonForTheRest() {
        assertThatThrownBy(() -> PyInt.of(DoubleNode.valueOf(Double.NaN)))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.type()).isEqualTo("ValueError"));
        assertThatThrownBy(() -> PyInt.of(DoubleNode.valueOf(Double.POSITIVE_INFINITY)))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.type()).isEqualTo("OverflowError"));
        assertThatThrownBy(() -> PyInt.of(JsonNodeFactory.instance.arrayNode()))
                .isInstanceOfSatisfying(
                        PyException.class, e -> assertThat(e.type()).isEqualTo("TypeError"));
    }
}
