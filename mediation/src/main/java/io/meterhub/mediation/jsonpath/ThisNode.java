package io.meterhub.mediation.jsonpath;

import java.util.List;

/** {@code `this`} or {@code @}: the current datum. */
final class ThisNode extends Node {

    @Override
    void find(Datum datum, List<Datum> out) {
        out.add(datum.wrap());
    }

    @Override
    public String toString() {
        return "This()";
    }
}
