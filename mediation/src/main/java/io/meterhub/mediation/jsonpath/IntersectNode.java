package io.meterhub.mediation.jsonpath;

import io.meterhub.mediation.jsonpath.python.PyException;
import java.util.List;

/** {@code left & right}: parsed by jsonpath_rw but never implemented; evaluating it raises, as in Python. */
final class IntersectNode extends Node {

    private final Node left;
    private final Node right;

    IntersectNode(Node left, Node right) {
        this.left = left;
        this.right = right;
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        throw new PyException("NotImplementedError", "jsonpath_rw does not implement '&'");
    }

    @Override
    public String toString() {
        return "Intersect(" + left + "," + right + ")";
    }
}
