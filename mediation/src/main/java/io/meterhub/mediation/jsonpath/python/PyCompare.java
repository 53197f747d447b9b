package io.meterhub.mediation.jsonpath.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.signing.Python;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code ==} and ordering over JSON values: numbers (bool, int, float) compare by value across types, strings
 * by code point, lists element by element; ordering anything else raises {@code TypeError}.
 */
public final class PyCompare {

    private PyCompare() {}

    /** Python's {@code a == b}. */
    public static boolean equal(JsonNode a, JsonNode b) {
        PyType ta = PyType.of(a);
        PyType tb = PyType.of(b);
        if (ta.isNumber() && tb.isNumber()) {
            return PyNumbers.compare(a, b) == 0;
        }
        if (ta != tb) {
            return false;
        }
        switch (ta) {
            case NONE:
                return true;
            case STR:
                return a.textValue().equals(b.textValue());
            case LIST:
                return listsEqual(a, b);
            default:
                return dictsEqual(a, b);
        }
    }

    private static boolean listsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean dictsEqual(JsonNode a, JsonNode b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode other = b.get(e.getKey());
            if (other == null || !equal(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** Python's {@code a <op> b}; raises {@code TypeError} when Python cannot order the two. */
    public static boolean compare(PyComparison op, JsonNode a, JsonNode b) {
        if (op == PyComparison.EQ) {
            return equal(a, b);
        }
        if (op == PyComparison.NE) {
            return !equal(a, b);
        }
        PyType ta = PyType.of(a);
        PyType tb = PyType.of(b);
        if (ta.isNumber() && tb.isNumber()) {
            int c = PyNumbers.compare(a, b);
            return c != Integer.MIN_VALUE && op.holds(c);
        }
        if (ta == PyType.STR && tb == PyType.STR) {
            return op.holds(compareCodePoints(a.textValue(), b.textValue()));
        }
        if (ta == PyType.LIST && tb == PyType.LIST) {
            return compareLists(op, a, b);
        }
        throw PyException.typeError("'" + op.symbol() + "' not supported between instances of '" + ta.pythonName()
                + "' and '" + tb.pythonName() + "'");
    }

    /** Python's {@code a < b}. */
    public static boolean lessThan(JsonNode a, JsonNode b) {
        return compare(PyComparison.LT, a, b);
    }

    private static boolean compareLists(PyComparison op, JsonNode a, JsonNode b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!equal(a.get(i), b.get(i))) {
                return compare(op, a.get(i), b.get(i));
            }
        }
        return op.holds(Integer.compare(a.size(), b.size()));
    }

    /** Orders two strings by Unicode code point, as Python does (Java's compareTo orders UTF-16 units). */
    public static int compareCodePoints(String a, String b) {
        return Python.compareCodePoints(a, b);
    }
}
