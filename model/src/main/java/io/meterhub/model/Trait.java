package io.meterhub.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A typed event trait. The value's Java type follows the trait type: {@link String} for text, {@link Long} for
 * int, {@link Double} for float, {@link Instant} for datetime.
 */
public record Trait(String name, TraitType type, Object value) {

    public Trait {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static Trait text(String name, String value) {
        return new Trait(name, TraitType.TEXT, value);
    }
}
