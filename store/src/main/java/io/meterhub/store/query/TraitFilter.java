package io.meterhub.store.query;

import io.meterhub.model.TraitType;
import java.util.Objects;

/**
 * A condition on one trait of an event, as Ceilometer's {@code storage.EventFilter.traits_filter} holds it: the
 * event has a trait {@code name} whose value compares with {@code value} by {@code op}.
 *
 * @param type the trait's type, or null to compare with a trait of any type (the value's Java type then decides:
 *     {@link String}, {@link Long}, {@link Double} or {@link java.time.Instant})
 * @param value {@link String} for text, {@link Long} for int, {@link Double} for float, {@link java.time.Instant}
 *     for datetime
 */
public record TraitFilter(String name, Op op, TraitType type, Object value) {

    public TraitFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
    }
}
