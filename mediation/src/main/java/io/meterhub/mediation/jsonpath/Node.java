package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import io.meterhub.mediation.jsonpath.python.PyType;
import java.util.ArrayList;
import java.util.List;

/**
 * A node of the JSONPath syntax tree, one class per jsonpath_rw / jsonpath_rw_ext class. {@link #toString()} gives
 * the tree in the notation of the golden test's dump.
 */
abstract class Node {

    /**
     * Python's {@code find(datum)}: appends the matches for {@code datum} to {@code out}, in Python's order.
     *
     * @throws PyException where the Python code raises
     */
    abstract void find(Datum datum, List<Datum> out);

    /** {@code find(datum)} as a new list. */
    final List<Datum> find(Datum datum) {
        List<Datum> out = new ArrayList<>(4);
        find(datum, out);
        return out;
    }

    /**
     * Whether Python's {@code find(datum)} returns the datum itself instead of a list (only {@code `sorted`} does):
     * truthy where Python only tests the result, a TypeError where it iterates it.
     */
    boolean findsBareDatum(Datum datum) {
        return false;
    }

    /** Python's {@code datum.value} of a match, which fails on None. */
    static JsonNode valueOf(Datum match) {
        if (match == Datum.NONE) {
            throw new PyException("AttributeError", "'NoneType' object has no attribute 'value'");
        }
        return match.value;
    }

    /** Python's {@code len(value)}: str, list and dict only. */
    static int len(JsonNode value) {
        switch (PyType.of(value)) {
            case STR:
                return PyStrings.length(value.textValue());
            case LIST:
            case DICT:
                return value.size();
            default:
                throw PyException.typeError(
                        "object of type '" + PyType.of(value).pythonName() + "' has no len()");
        }
    }

    static PyException notIterable() {
        return PyException.typeError("'DatumInContext' object is not iterable");
    }
}
