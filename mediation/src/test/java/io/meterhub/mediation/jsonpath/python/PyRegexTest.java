package io.meterhub.mediation.jsonpath.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PyRegexTest {

    private static String sub(String pattern, String replacement, String text) {
        PyRegex regex = PyRegex.compile(pattern);
        return regex.sub(PyReplacement.compile(replacement, regex), text);
    }

    @Test
    void subReplacesEmptyMatchesAsPython37AndLaterDo() {
        assertThat(sub(".*", "", "success")).isEmpty();
        assertThat(sub(".*", "X", "abc")).isEqualTo("XX");
        assertThat(sub("x*", "-", "abxd")).isEqualTo("-a-b--d-");
    }

    @Test
    void replacementTemplatesUsePythonsSyntax() {
        assertThat(sub("(h)(e)", "\\2\\1", "hello")).isEqualTo("ehllo");
        assertThat(sub("(?P<first>h)", "\\g<first>H", "hello")).isEqualTo("hHello");
        assertThat(sub("l", "$1", "hello")).isEqualTo("he$1$1o");
        assertThat(sub("l", "\\n", "hello")).isEqualTo("he\n\no");
    }

    @Test
    void badReplacementEscapesAreErrors() {
        PyRegex regex = PyRegex.compile("l");
        assertThatThrownBy(() -> PyReplacement.compile("\\q", regex)).isInstanceOf(PyException.class);
        assertThatThrownBy(() -> PyReplacement.compile("\\9", regex)).isInstanceOf(PyException.class);
    }

    @Test
    void pythonSyntaxJavaReadsDifferentlyIsTranslated() {
        assertThat(PyRegex.compile("a{").matchesAtStart("a{")).isTrue();
        assertThat(PyRegex.compile("l{,2}").matchesAtStart("ll")).isTrue();
        assertThat(PyRegex.compile("[[]").matchesAtStart("[")).isTrue();
        assertThat(PyRegex.compile("[a&&b]").matchesAtStart("&")).isTrue();
        assertThat(PyRegex.compile("a\\Z").matchesAtStart("a")).isTrue();
        assertThat(PyRegex.compile("\\w+").matchesAtStart("\u00e9t\u00e9")).isTrue();
        assertThat(PyRegex.compile("(?P<x>a)(?P=x)").matchesAtStart("aa")).isTrue();
    }

    @Test
    void escapesPythonDoesNotKnowAreErrors() {
        assertThatThrownBy(() -> PyRegex.compile("\\h")).isInstanceOf(PyException.class);
        assertThatThrownBy(() -> PyRegex.compile("\\p{L}")).isInstanceOf(PyException.class);
        assertThatThrownBy(() -> PyRegex.compile("(")).isInstanceOf(PyException.class);
    }
}
