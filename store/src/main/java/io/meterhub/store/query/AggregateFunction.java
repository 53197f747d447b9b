package io.meterhub.store.query;

import java.util.Locale;

/** The statistics functions of Ceilometer's {@code aggregate.func} (its mongodb driver's {@code AGGREGATES}). */
public enum AggregateFunction {
    MIN,
    MAX,
    AVG,
    SUM,
    COUNT,
    STDDEV,
    CARDINALITY;

    /** The API name: {@code min}, {@code max}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
