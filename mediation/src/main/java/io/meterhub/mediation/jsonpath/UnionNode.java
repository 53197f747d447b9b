package io.meterhub.mediation.jsonpath;

import java.util.List;

/** {@code left | right}: the matches of left, then those of right (a concatenation, duplicates kept). */
final class UnionNode extends Node {

    private final Node left;
    private final Node right;

    UnionNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    Node left() {
        return left;
    }

    Node right() {
        return right;
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        left.find(datum, out);
        right.find(datum, out);
    }

    @Override
    public String toString() {
        return "Union(" + left + "," + right + ")";
    }
}
