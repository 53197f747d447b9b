package io.meterhub.routes.api.query;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python's {@code ast.literal_eval} for the scalar literals a query value can be: integers (decimal, {@code 0x},
 * {@code 0o}, {@code 0b}, underscores, one sign), floats ({@code 1.5}, {@code .5}, {@code 1e3}), {@code True},
 * {@code False}, {@code None} and quoted strings (prefix {@code u} or {@code r} allowed). Ceilometer's
 * {@code Query._get_value_as_type} guesses the type of a metadata value this way when {@code q.type} is not given,
 * keeping the text as it is when it is no literal. Containers ({@code [1, 2]}, {@code {'a': 1}}) and bytes are not
 * evaluated here: they stay text.
 */
final class PythonLiteral {

    /** An evaluated literal; {@code value} is null for {@code None}. */
    record Literal(Object value) {}

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern DECIMAL_INT = Pattern.compile("[1-9](?:_?[0-9])*|0(?:_?0)*");
    private static final Pattern RADIX_INT =
            Pattern.compile("0(?:[xX](?:_?[0-9a-fA-F])+|[oO](?:_?[0-7])+|[bB](?:_?[01])+)");
    private static final Pattern FLOAT = Pattern.compile("(?:(?:" + DIGITS + ")?\\." + DIGITS + "|" + DIGITS
            + "\\.)(?:[eE][+-]?" + DIGITS + ")?|" + DIGITS + "[eE][+-]?" + DIGITS);

    private PythonLiteral() {}

    /**
     * The value of {@code text} as a Python literal: {@link Long} (an integer beyond 64 bits: {@link Double}),
     * {@link Double}, {@link Boolean}, {@link String} or null ({@code None}); empty when it is not a scalar literal.
     */
    static Optional<Literal> eval(String text) {
        String s = text.strip();
        switch (s) {
            case "True":
                return Optional.of(new Literal(Boolean.TRUE));
            case "False":
                return Optional.of(new Literal(Boolean.FALSE));
            case "None":
                return Optional.of(new Literal(null));
            default:
                break;
        }
        Optional<String> string = PythonStringLiteral.parse(s);
        if (string.isPresent()) {
            return Optional.of(new Literal(string.get()));
        }
        String unsigned = s;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            unsigned = s.substring(1).stripLeading();
        }
        return number(unsigned, negative);
    }

    private static Optional<Literal> number(String s, boolean negative) {
        if (DECIMAL_INT.matcher(s).matches() || RADIX_INT.matcher(s).matches()) {
            BigInteger v = integer(s.replace("_", ""));
            if (negative) {
                v = v.negate();
            }
            return Optional.of(new Literal(v.bitLength() < 64 ? (Object) v.longValue() : (Object) v.doubleValue()));
        }
        if (FLOAT.matcher(s).matches()) {
            double d = Double.parseDouble(s.replace("_", ""));
            return Optional.of(new Literal(negative ? -d : d));
        }
        return Optional.empty();
    }

    private static BigInteger integer(String s) {
        if (s.length() > 2 && s.charAt(0) == '0' && Character.isLetter(s.charAt(1))) {
            int radix =
                    switch (Character.toLowerCase(s.charAt(1))) {
                        case 'x' -> 16;
                        case 'o' -> 8;
                        default -> 2;
                    };
            return new BigInteger(s.substring(2), radix);
        }
        return new BigInteger(s);
    }
}
