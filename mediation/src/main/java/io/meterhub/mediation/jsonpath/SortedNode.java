package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterhub.mediation.jsonpath.python.PyCompare;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code `sorted`} or {@code [/key, \key]}: a list sorted by Python's {@code <} (or by the keys, {@code \} meaning
 * descending), or the sorted field names of a dict, as one new value. Like jsonpath_rw_ext's {@code SortedThis} it
 * gives back the datum itself (not a list) for anything else and for a dict with keys, which fails wherever Python
 * iterates the result.
 */
final class SortedNode extends Node {

    /** One sort key: a path evaluated on each element, descending when {@code reverse}. */
    record SortKey(Node path, boolean reverse) {
        @Override
        public String toString() {
            return "(" + path + "," + (reverse ? "True" : "False") + ")";
        }
    }

    private final List<SortKey> keys; // null for `sorted`

    SortedNode(List<SortKey> keys) {
        this.keys = keys == null ? null : List.copyOf(keys);
    }

    @Override
    boolean findsBareDatum(Datum datum) {
        if (datum.isRaw() || datum == Datum.NONE) {
            return false; // Python fails earlier, on datum.value
        }
        PyType type = PyType.of(datum.value);
        return (type == PyType.DICT && keys != null) || (type != PyType.DICT && type != PyType.LIST);
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        if (datum.isRaw() || datum == Datum.NONE) {
            throw new PyException(
                    "AttributeError", "'" + PyType.of(datum.value).pythonName() + "' object has no attribute 'value'");
        }
        if (findsBareDatum(datum)) {
            throw notIterable();
        }
        List<JsonNode> items = new ArrayList<>(datum.value.size());
        if (datum.value.isObject()) {
            for (Iterator<String> names = datum.value.fieldNames(); names.hasNext(); ) {
                items.add(TextNode.valueOf(names.next()));
            }
        } else {
            datum.value.forEach(items::add);
        }
        items.sort(keys == null ? SortedNode::natural : this::byKeys);
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode(items.size());
        out.add(Datum.start(sorted.addAll(items)));
    }

    private static int natural(JsonNode a, JsonNode b) {
        if (PyCompare.lessThan(a, b)) {
            return -1;
        }
        return PyCompare.lessThan(b, a) ? 1 : 0;
    }

    /** jsonpath_rw_ext's {@code _compare}: the first key that matches once on both and differs decides. */
    private int byKeys(JsonNode a, JsonNode b) {
        for (SortKey key : keys) {
            List<Datum> left = key.path().find(Datum.start(a));
            List<Datum> right = key.path().find(Datum.start(b));
            if (left.size() != 1 || right.size() != 1) {
                continue;
            }
            JsonNode l = valueOf(left.get(0));
            JsonNode r = valueOf(right.get(0));
            if (PyCompare.equal(l, r)) {
                continue;
            }
            boolean less = PyCompare.lessThan(l, r);
            return less == key.reverse() ? 1 : -1;
        }
        return 0;
    }

    @Override
    public String toString() {
        return keys == null
                ? "Sorted(None)"
                : keys.stream().map(SortKey::toString).collect(Collectors.joining(",", "Sorted([", "])"));
    }
}
