package io.meterhub.mediation.jsonpath.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.model.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyStrTest {

    @ParameterizedTest(name = "repr({0}) = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1e16 | 1e+16",
                "0.1 | 0.1",
                "0.3333333333333333 | 0.3333333333333333",
                "4.9e-324 | 5e-324",
                "1.7976931348623157e308 | 1.7976931348623157e+308",
                "100.0 | 100.0",
                "123456789.0 | 123456789.0",
                "1e15 | 1000000000000000.0",
                "0.0001 | 0.0001",
                "0.00001 | 1e-05",
                "-0.0 | -0.0",
                "2.82879384806159e17 | 2.82879384806159e+17", // Java 17's Double.toString gives more digits
                "1.0e23 | 1e+23",
                "9007199254740993.0 | 9007199254740992.0",
                "-1.5e-10 | -1.5e-10",
                "Infinity | inf",
                "NaN | nan"
            })
    void floatsPrintAsPythonsRepr(double value, String python) {
        assertThat(PyFloats.repr(value)).isEqualTo(python);
    }

    @ParameterizedTest(name = "repr of {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "it's | \"it's\"",
                "a\"b | 'a\"b'",
                "both'\" | 'both\\'\"'",
            })
    void stringReprPicksPythonsQuotes(String text, String python) {
        assertThat(PyStr.repr(TextNode.valueOf(text))).isEqualTo(python);
    }

    @org.junit.jupiter.api.Test
    void stringReprEscapesWhatPythonDoesNotPrint() {
        assertThat(PyStr.repr("tab\there\u0000\u200b\uD83D\uDE00é")).isEqualTo("'tab\\there\\x00\\u200b\uD83D\uDE00é'");
    }

    @org.junit.jupiter.api.Test
    void strOfAStructureIsItsPythonRepr() throws Exception {
        assertThat(PyStr.str(Json.mapper().readTree("{\"a\": [1, 2.5, true, null], \"b\": \"x\"}")))
                .isEqualTo("{'a': [1, 2.5, True, None], 'b': 'x'}");
        assertThat(PyStr.str(TextNode.valueOf("plain"))).isEqualTo("plain");
    }
}
