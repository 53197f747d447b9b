package io.meterhub.mediation.jsonpath.python;

import io.meterhub.model.signing.Python;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Python 3's {@code float(str)} and {@code repr(float)} (the latter is {@link Python#floatRepr}, shared with signing). */
public final class PyFloats {

    /** The literals {@code float(str)} accepts once stripped: digits with single underscores between them. */
    private static final Pattern LITERAL = Pattern.compile(
            "[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?"
                    + "|\\d(?:_?\\d)*\\.(?:[eE][+-]?\\d(?:_?\\d)*)?|inf(?:inity)?|nan)",
            Pattern.CASE_INSENSITIVE);

    private PyFloats() {}

    /**
     * {@code float(text)}: surrounding whitespace stripped, a sign, underscores between digits, an exponent,
     * {@code inf}/{@code infinity}/{@code nan} in any case.
     *
     * @throws PyException ValueError when Python's {@code float()} refuses the text
     */
    public static double parse(String text) {
        String s = asciiDigits(PyStrings.strip(text));
        if (!LITERAL.matcher(s).matches()) {
            throw PyException.valueError("could not convert string to float: " + PyStr.repr(text));
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("inf") || lower.endsWith("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.endsWith("nan")) {
            return Double.NaN;
        }
        return new BigDecimal(s.replace("_", "")).doubleValue();
    }

    /** Python reads any Unicode decimal digit as its ASCII digit before parsing a number ({@code float('١٢٣')}). */
    private static String asciiDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp > 0x7f && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                b.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /** {@code repr(x)}, e.g. {@code 1.5}, {@code 100.0}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}. */
    public static String repr(double x) {
        return Python.floatRepr(x);
    }
}
