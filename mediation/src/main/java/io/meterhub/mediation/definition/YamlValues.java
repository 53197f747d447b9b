package io.meterhub.mediation.definition;

import java.util.List;
import java.util.Map;

/** Reading values of a parsed definitions file as Ceilometer's Python reads them. */
public final class YamlValues {

    private YamlValues() {}

    /**
     * A string or a list of strings (as Ceilometer accepts for {@code event_type} and {@code lookup}); null when
     * absent.
     *
     * @throws IllegalArgumentException naming {@code what} for anything else
     */
    public static List<String> strings(Object value, String what) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
            return l.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException(what + " must be a string or a list of strings, not " + value);
    }

    /** Python truthiness of a YAML value. */
    public static boolean truthy(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(value instanceof List<?> l) || !l.isEmpty();
    }
}
