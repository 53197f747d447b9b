package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyRegex;
import io.meterhub.mediation.jsonpath.python.PyReplacement;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import java.util.List;
import java.util.regex.Matcher;

/**
 * {@code `sub(/regex/, replacement)`}: Python's {@code re.sub} on a string; nothing when the result equals the
 * input. Like Python it raises on a value that is no string.
 */
final class SubNode extends Node {

    private final PyRegex regex;
    private final String replacementText;
    private final Object replacement; // the PyReplacement, or the PyException Python raises compiling it

    private SubNode(PyRegex regex, String replacementText) {
        this.regex = regex;
        this.replacementText = replacementText;
        Object compiled;
        try {
            compiled = PyReplacement.compile(replacementText, regex);
        } catch (PyException e) {
            compiled = e;
        }
        this.replacement = compiled;
    }

    /**
     * Parses {@code sub(/regex/, replacement)} as jsonpath_rw_ext does; both parts are stripped of whitespace.
     *
     * @throws IllegalArgumentException when the text does not have that form or Python rejects the regex
     */
    static SubNode of(String method) {
        Matcher m = NamedOperators.SUB.matcher(method);
        if (!m.lookingAt()) {
            throw new IllegalArgumentException(method + " is not valid");
        }
        try {
            return new SubNode(PyRegex.compile(PyStrings.strip(m.group(1))), PyStrings.strip(m.group(2)));
        } catch (PyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        if (replacement instanceof PyException e) {
            throw e;
        }
        Datum context = datum.wrap();
        if (!context.value.isTextual()) {
            throw PyException.typeError("expected string or bytes-like object");
        }
        String original = context.value.textValue();
        String result = regex.sub((PyReplacement) replacement, original);
        if (!result.equals(original)) {
            out.add(Datum.start(TextNode.valueOf(result)));
        }
    }

    @Override
    public String toString() {
        return "Sub(" + PyStr.repr(regex.source()) + "," + PyStr.repr(replacementText) + ")";
    }
}
