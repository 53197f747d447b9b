package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code left..right}: right applied to each match of left and to everything below it, depth first: first the
 * matches on a datum itself, then those in its elements or fields in order.
 */
final class DescendantsNode extends Node {

    private final Node left;
    private final Node right;

    DescendantsNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        List<Datum> starts = left.findsBareDatum(datum) ? List.of(datum.wrap()) : left.find(datum);
        for (Datum start : starts) {
            matchRecursively(start, out);
        }
    }

    private void matchRecursively(Datum datum, List<Datum> out) {
        right.find(datum, out);
        JsonNode value = valueOf(datum);
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                matchRecursively(Datum.index(value.get(i), datum, i), out);
            }
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                matchRecursively(Datum.field(field.getValue(), datum, field.getKey()), out);
            }
        }
    }

    @Override
    public String toString() {
        return "Descendants(" + left + "," + right + ")";
    }
}
