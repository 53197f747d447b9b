package io.meterhub.mediation.jsonpath.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PyStringsTest {

    @Test
    void splitKeepsEmptyPartsAndStopsAtMaxSplit() {
        assertThat(PyStrings.split("a..b.", ".", -1)).containsExactly("a", "", "b", "");
        assertThat(PyStrings.split("a.b.c", ".", 1)).containsExactly("a", "b.c");
        assertThat(PyStrings.split("a.b.c", ".", 0)).containsExactly("a.b.c");
        assertThat(PyStrings.split("host@backend#pool", "#", 1)).containsExactly("host@backend", "pool");
    }

    @Test
    void splitWithoutSeparatorSplitsOnRunsOfWhitespace() {
        assertThat(PyStrings.split("  a\tb  c\nd ", null, -1)).containsExactly("a", "b", "c", "d");
        assertThat(PyStrings.split("  a\tb  c\nd ", null, 1)).containsExactly("a", "b  c\nd ");
        assertThat(PyStrings.split("   ", null, -1)).isEmpty();
    }

    @Test
    void splitOnAnEmptySeparatorIsAValueError() {
        assertThatThrownBy(() -> PyStrings.split("abc", "", -1)).isInstanceOf(PyException.class);
    }

    @Test
    void stripAndLengthWorkOnCodePoints() {
        assertThat(PyStrings.strip("\u3000 x \u2028")).isEqualTo("x");
        assertThat(PyStrings.length("a\uD83D\uDE00")).isEqualTo(2);
        assertThat(PyStrings.charAt("a\uD83D\uDE00b", 1)).isEqualTo("\uD83D\uDE00");
    }
}
