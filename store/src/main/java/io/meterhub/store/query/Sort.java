package io.meterhub.store.query;

import java.util.Objects;

/** One key of an ordering, on a stored field name. */
public record Sort(String field, boolean ascending) {

    public Sort {
        Objects.requireNonNull(field, "field");
    }

    public static Sort asc(String field) {
        return new Sort(field, true);
    }

    public static Sort desc(String field) {
        return new Sort(field, false);
    }
}
