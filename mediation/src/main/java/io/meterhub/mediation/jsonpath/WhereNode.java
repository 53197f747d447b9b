package io.meterhub.mediation.jsonpath;

import java.util.ArrayList;
import java.util.List;

/** {@code left where right}: the matches of left on which right matches something. */
final class WhereNode extends Node {

    private final Node left;
    private final Node right;

    WhereNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        List<Datum> candidates = left.find(datum);
        List<Datum> scratch = new ArrayList<>(4);
        for (Datum candidate : candidates) {
            if (right.findsBareDatum(candidate)) {
                out.add(candidate); // Python tests the bare datum for truth, which holds
                continue;
            }
            scratch.clear();
            right.find(candidate, scratch);
            if (!scratch.isEmpty()) {
                out.add(candidate);
            }
        }
    }

    @Override
    public String toString() {
        return "Where(" + left + "," + right + ")";
    }
}
