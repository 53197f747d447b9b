package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyFloats;
import io.meterhub.mediation.jsonpath.python.PyInt;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import io.meterhub.model.Timestamps;
import io.meterhub.model.TraitType;
import java.math.BigInteger;

/**
 * Ceilometer's {@code Trait.convert_value}: Python's {@code int()}, {@code float()}, {@code parse_isotime} or
 * {@code str()[:255]} of the value found. A value the type cannot take is an {@link IllegalArgumentException}, as
 * Python raises.
 */
final class TraitValues {

    /** Ceilometer crops text traits to this many characters. */
    static final int TEXT_LIMIT = 255;

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
            throw new IllegalArgumentException("int value " + value
                    + " does not fit in 64 bits, the integers every Ceilometer storage backend keeps");
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
            try {
                return PyFloats.parse(v.textValue());
            } catch (PyException e) {
                // falls through to Python's message
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
