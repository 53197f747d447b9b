package io.meterhub.mediation.jsonpath;

import java.util.List;

/** {@code $}: the datum at the start of the current context chain. */
final class RootNode extends Node {

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum top = datum;
        while (top.context != null) {
            top = top.context;
        }
        out.add(top.wrap());
    }

    @Override
    public String toString() {
        return "Root()";
    }
}
