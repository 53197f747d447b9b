package io.meterhub.mediation.jsonpath;

import java.util.List;

/** {@code `parent`}: the datum the current one was found in; None at a start, as in Python. */
final class ParentNode extends Node {

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum context = datum.wrap().context;
        out.add(context == null ? Datum.NONE : context);
    }

    @Override
    public String toString() {
        return "Parent()";
    }
}
