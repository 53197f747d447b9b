package io.meterhub.store.query;

import java.util.Objects;

/**
 * One requested statistics function.
 *
 * @param param only for {@link AggregateFunction#CARDINALITY}: the stored field whose distinct values are counted
 *     ({@code resource_id}, {@code project_id} or {@code user_id}); null otherwise
 */
public record Aggregate(AggregateFunction function, String param) {

    public Aggregate {
        Objects.requireNonNull(function, "function");
    }

    public static Aggregate of(AggregateFunction function) {
        return new Aggregate(function, null);
    }

    /**
     * The key of this function in {@link Statistics#aggregate()}: its name, and for a parameterised function
     * {@code name/param} (Ceilometer's {@code "cardinality/resource_id"}).
     */
    public String key() {
        return param == null ? function.wireName() : function.wireName() + "/" + param;
    }
}
