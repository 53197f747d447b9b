package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.node.IntNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import java.util.List;

/** {@code `len`}: the length of a string (in code points), list or dict; nothing for anything else. */
final class LenNode extends Node {

    @Override
    void find(Datum datum, List<Datum> out) {
        int length;
        try {
            length = len(datum.wrap().value);
        } catch (PyException e) {
            return; // Python catches the TypeError of len()
        }
        out.add(Datum.start(IntNode.valueOf(length)));
    }

    @Override
    public String toString() {
        return "Len()";
    }
}
