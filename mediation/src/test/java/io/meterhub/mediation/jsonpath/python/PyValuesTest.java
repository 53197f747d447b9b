package io.meterhub.mediation.jsonpath.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.model.Json;
import org.junit.jupiter.api.Test;

/** Expected strings are what CPython 3.11 prints. */
class PyValuesTest {

    @Test
    void floatsAsPythonRepr() {
        assertThat(PyFloats.repr(100.0)).isEqualTo("100.0");
        assertThat(PyFloats.repr(0.1)).isEqualTo("0.1");
        assertThat(PyFloats.repr(1e-05)).isEqualTo("1e-05");
        assertThat(PyFloats.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PyFloats.repr(1e16)).isEqualTo("1e+16");
        assertThat(PyFloats.repr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PyFloats.repr(9999999999999998.0)).isEqualTo("9999999999999998.0");
        assertThat(PyFloats.repr(-2.5e-7)).isEqualTo("-2.5e-07");
        assertThat(PyFloats.repr(-0.0)).isEqualTo("-0.0");
    }

    @Test
    void containersAsPythonLiterals() throws Exception {
        var v = Json.mapper().readTree("{\"a\": [1, 2.5, true, null, \"it's\"], \"b\": {\"c\": \"d\"}}");
        assertThat(PyStr.str(v)).isEqualTo("{'a': [1, 2.5, True, None, \"it's\"], 'b': {'c': 'd'}}");
        assertThat(PyStr.str(Json.mapper().readTree("\"plain\""))).isEqualTo("plain");
        assertThat(PyStr.repr(Json.mapper().readTree("\"tab\\there\""))).isEqualTo("'tab\\there'");
    }

    @Test
    void cropCountsCodePoints() {
        assertThat(PyStrings.prefix("a😀b", 2)).isEqualTo("a😀");
    }

    @Test
    void truthiness() throws Exception {
        assertThat(PyType.truthy(Json.mapper().readTree("0"))).isFalse();
        assertThat(PyType.truthy(Json.mapper().readTree("\"\""))).isFalse();
        assertThat(PyType.truthy(Json.mapper().readTree("{}"))).isFalse();
        assertThat(PyType.truthy(Json.mapper().readTree("[0]"))).isTrue();
        assertThat(PyType.truthy(null)).isFalse();
    }
}
