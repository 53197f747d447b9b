package io.meterhub.routes.api.query;

import io.meterhub.model.Timestamps;
import io.meterhub.routes.api.ApiException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ceilometer's {@code Query._get_value_as_type}: a query value converted to {@code q.type} — {@code integer}
 * (Python's {@code int()}), {@code float}, {@code boolean} ({@code oslo_utils.strutils.bool_from_string} strict),
 * {@code string}, {@code datetime} ({@code parse_isotime}, normalised to UTC) — or, without a type, guessed with
 * {@code ast.literal_eval} ({@link PythonLiteral}) and kept as text when that fails. Errors carry Ceilometer's
 * messages.
 */
public final class QueryValues {

    /** The types of the simple query, in Ceilometer's order (its error message lists them so). */
    public static final List<String> TYPES = List.of("integer", "float", "string", "boolean", "datetime");
    /** The types of an event query: no boolean ({@code EventQuery._supported_types}). */
    public static final List<String> EVENT_TYPES = List.of("integer", "float", "string", "datetime");

    private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");
    private static final Pattern PY_INT = Pattern.compile("[+-]?(?:[0-9](?:_?[0-9])*)");
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?(?:(?:[0-9](?:_?[0-9])*)?\\.?[0-9](?:_?[0-9])*(?:[eE][+-]?[0-9](?:_?[0-9])*)?|[0-9](?:_?[0-9])*\\."
                    + "|inf|infinity|nan)",
            Pattern.CASE_INSENSITIVE);

    private QueryValues() {}

    /**
     * @param type {@code q.type}, or null to guess
     * @param supported the types this endpoint accepts
     * @return {@link Long}, {@link Double}, {@link Boolean}, {@link String}, {@link Instant}, or null ({@code None})
     * @throws ApiException 400 with Ceilometer's message for an unsupported type or a value that does not convert
     */
    public static Object convert(String value, String type, List<String> supported) {
        String v = value == null ? "" : value;
        if (type == null) {
            Optional<PythonLiteral.Literal> literal = PythonLiteral.eval(v);
            return literal.isPresent() ? literal.get().value() : v;
        }
        if (!supported.contains(type)) {
            throw ApiException.badRequest("The data type " + type
                    + " is not supported. The supported data type list is: " + PythonRepr.list(supported));
        }
        Object converted =
                switch (type) {
                    case "integer" -> integer(v);
                    case "float" -> floating(v);
                    case "boolean" -> bool(v);
                    case "datetime" -> Timestamps.parse(v).orElse(null);
                    default -> v;
                };
        if (converted == null) {
            throw ApiException.badRequest(
                    "Unable to convert the value " + v + " to the expected data type " + type + ".");
        }
        return converted;
    }

    /** Python's {@code int(text)}: blanks around, one sign, underscores between digits; null when it fails. */
    static Object integer(String text) {
        String s = text.strip();
        if (!PY_INT.matcher(s).matches()) {
            return null;
        }
        BigInteger v = new BigInteger(s.replace("_", ""));
        return v.bitLength() < 64 ? (Object) v.longValue() : (Object) v.doubleValue();
    }

    /** Python's {@code float(text)}; null when it fails. */
    static Double floating(String text) {
        String s = text.strip();
        if (!PY_FLOAT.matcher(s).matches()) {
            return null;
        }
        String lower = s.toLowerCase(Locale.ROOT).replace("_", "");
        String unsigned = lower.replaceFirst("^[+-]", "");
        double sign = lower.startsWith("-") ? -1 : 1;
        return switch (unsigned) {
            case "inf", "infinity" -> sign * Double.POSITIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(lower);
        };
    }

    /** {@code bool_from_string(text, strict=True)}; null for anything but its true and false spellings. */
    static Boolean bool(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(s)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(s)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** {@code parse_isotime} for a timestamp field; 400 "invalid timestamp format" as Ceilometer says it. */
    public static Instant timestamp(String field, String value) {
        return Timestamps.parse(value == null ? "" : value)
                .orElseThrow(() ->
                        ApiException.badRequest(ceilometerInvalidInput(field, value, "invalid timestamp format")));
    }

    /** wsme's {@code InvalidInput} message. */
    public static String ceilometerInvalidInput(String field, String value, String why) {
        return "Invalid input for field/attribute " + field + ". Value: '" + value + "'. " + why;
    }
}
