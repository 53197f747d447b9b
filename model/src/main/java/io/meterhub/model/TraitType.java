package io.meterhub.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Ceilometer's trait types, with the numeric codes its storage and API use. */
public enum TraitType {
    TEXT(1),
    INT(2),
    FLOAT(3),
    DATETIME(4);

    private final int code;

    TraitType(int code) {
        this.code = code;
    }

    /** The numeric code Ceilometer stores (text=1, int=2, float=3, datetime=4). */
    public int code() {
        return code;
    }

    /** The name used in event_definitions.yaml and the v2 API ({@code text}, {@code int}, ...). */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
