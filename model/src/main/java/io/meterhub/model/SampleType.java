package io.meterhub.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Ceilometer's three kinds of meter. */
public enum SampleType {
    /** A point-in-time absolute value. */
    GAUGE,
    /** The change since the previous sample. */
    DELTA,
    /** A value that only grows. */
    CUMULATIVE;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses Ceilometer's lower-case name; rejects anything else with a message naming the value. */
    @JsonCreator
    public static SampleType fromWire(String name) {
        for (SampleType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown sample type '" + name + "' (expected gauge, delta or cumulative)");
    }
}
