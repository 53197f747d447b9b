package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyInt;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import io.meterhub.model.Timestamps;
import io.meterhub.model.TraitType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Ceilometer's {@code Trait.convert_value}: Python's {@code int()}, {@code float()}, {@code parse_isotime} or
 * {@code str()[:255]} of the value found. A value the type cannot take is an {@link IllegalArgumentException}, as
 * Python raises.
 */
final class TraitValues {

    /** Ceilometer crops text traits to this many characters. */
    static final int TEXT_LIMIT = 255;

    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?|\\d(?:_?\\d)*\\.(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|inf(?:inity)?|nan)",
            Pattern.CASE_INSENSITIVE);

    private TraitValues() {}

    static Object convert(TraitType type, JsonNode value) {
        return switch (type) {
            case INT -> toInt(value);
            case FLOAT -> toFloat(value);
            case DATETIME -> toDatetime(value);
            case TEXT -> PyStrings.prefix(PyStr.str(value), TEXT_LIMIT);
        };
    }

    private static Long toInt(JsonNode v) {
        try {
            BigInteger value = PyInt.of(v);
            if (value.bitLength() < 64) {
                return value.longValue();
            }
        } catch (PyException e) {
            // Python's ValueError/TypeError/OverflowError: not an int
        }
        throw invalid("int", v);
    }

    private static Double toFloat(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1.0 : 0.0;
        }
        if (v.isTextual()) {
            String s = v.textValue().strip();
            if (PY_FLOAT.matcher(s).matches()) {
                String lower = s.toLowerCase(java.util.Locale.ROOT);
                if (lower.endsWith("inf") || lower.endsWith("infinity")) {
                    return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                if (lower.endsWith("nan")) {
                    return Double.NaN;
                }
                return new BigDecimal(s.replace("_", "")).doubleValue();
            }
        }
        throw invalid("float", v);
    }

    private static java.time.Instant toDatetime(JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("datetime value " + PyStr.repr(v) + " is not a string");
        }
        return Timestamps.parse(v.textValue())
                .orElseThrow(
                        () -> new IllegalArgumentException("datetime value '" + v.textValue() + "' is not ISO 8601"));
    }

    private static IllegalArgumentException invalid(String type, JsonNode v) {
        return new IllegalArgumentException("invalid literal for " + type + "(): " + PyStr.repr(v));
    }
}
