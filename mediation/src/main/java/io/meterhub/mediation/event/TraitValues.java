package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.python.PythonValues;
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

    private static final Pattern PY_INT = Pattern.compile("[+-]?(?:0|[1-9](?:_?\\d)*|0(?:_?0)*)");
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
            case TEXT -> PythonValues.crop(PythonValues.str(value), TEXT_LIMIT);
        };
    }

    private static Long toInt(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            double d = v.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw invalid("int", v);
            }
            return (long) d;
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? 1L : 0L;
        }
        if (v.isTextual()) {
            String s = v.textValue().strip();
            if (PY_INT.matcher(s).matches()) {
                BigInteger big = new BigInteger(s.replace("_", ""));
                if (big.bitLength() < 64) {
                    return big.longValue();
                }
            }
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
            throw new IllegalArgumentException("datetime value " + PythonValues.repr(v) + " is not a string");
        }
        return Timestamps.parse(v.textValue())
                .orElseThrow(
                        () -> new IllegalArgumentException("datetime value '" + v.textValue() + "' is not ISO 8601"));
    }

    private static IllegalArgumentException invalid(String type, JsonNode v) {
        return new IllegalArgumentException("invalid literal for " + type + "(): " + PythonValues.repr(v));
    }
}
