package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.meterhub.mediation.jsonpath.python.PyType;
import java.math.BigInteger;
import java.util.List;

/**
 * {@code [*]}, {@code [start:end]}: the elements of a list, by Python's slice rules. As in jsonpath_rw, a dict, an
 * int, a bool or a string is first put in a one-element list; a float or None raise (they have no length).
 */
final class SliceNode extends Node {

    private final Long start;
    private final Long end;
    private final String text;

    /** {@code [*]} */
    SliceNode() {
        this(null, null);
    }

    /** {@code [start:end]}, either bound may be null (absent). */
    SliceNode(BigInteger start, BigInteger end) {
        this.start = saturate(start);
        this.end = saturate(end);
        this.text = (start == null ? "None" : start.toString()) + "," + (end == null ? "None" : end.toString());
    }

    private static Long saturate(BigInteger n) {
        if (n == null) {
            return null;
        }
        return n.bitLength() < 64 ? n.longValue() : (n.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum context = datum.wrap();
        JsonNode value = context.value;
        PyType type = PyType.of(value);
        if (type == PyType.DICT || type == PyType.INT || type == PyType.BOOL || type == PyType.STR) {
            JsonNode list = JsonNodeFactory.instance.arrayNode(1).add(value);
            context = context.withValue(list);
            value = list;
        }
        int length = len(value);
        int from = bound(start, 0, length);
        int to = bound(end, length, length);
        for (int i = from; i < to; i++) {
            out.add(Datum.index(value.get(i), context, i));
        }
    }

    /** Python's slice bound: absent gives the default, negative counts from the end, then clamped to [0, length]. */
    private static int bound(Long bound, int absent, int length) {
        if (bound == null) {
            return absent;
        }
        long b = bound < 0 ? bound + length : bound;
        return (int) Math.max(0, Math.min(length, b));
    }

    @Override
    public String toString() {
        return "Slice(" + text + ")";
    }
}
