package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import io.meterhub.mediation.jsonpath.python.PyType;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code [n]}: element n of a list, or character n of a string; Python's negative indexes count from the end. As in
 * jsonpath_rw, an index past the end matches nothing, but one before the start, any index into a non-empty dict and
 * any index into a number or None raise.
 */
final class IndexNode extends Node {

    private final long index; // saturated to the long range: lengths are ints, so this changes no outcome
    private final String text;

    IndexNode(BigInteger index) {
        this.index =
                index.bitLength() < 64 ? index.longValue() : (index.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        this.text = index.toString();
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum context = datum.wrap();
        JsonNode value = context.value;
        int length = len(value);
        if (length <= index) {
            return;
        }
        long i = index < 0 ? index + length : index;
        switch (PyType.of(value)) {
            case LIST:
                if (i < 0) {
                    throw new PyException("IndexError", "list index out of range");
                }
                out.add(Datum.index(value.get((int) i), context, index));
                break;
            case STR:
                if (i < 0) {
                    throw new PyException("IndexError", "string index out of range");
                }
                out.add(Datum.index(TextNode.valueOf(PyStrings.charAt(value.textValue(), (int) i)), context, index));
                break;
            default:
                throw new PyException("KeyError", text);
        }
    }

    @Override
    public String toString() {
        return "Index(" + text + ")";
    }
}
