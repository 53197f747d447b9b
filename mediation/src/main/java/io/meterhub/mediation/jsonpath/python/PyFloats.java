package io.meterhub.mediation.jsonpath.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Python 3's {@code float(str)} and {@code repr(float)}. {@code repr}: Python 3's {@code repr(float)} (which {@code str(float)} equals): the shortest decimal that reads back as the same
 * double, closest to it among the shortest, written in positional form with a {@code .0} when whole, or as
 * {@code d[.ddd]e±XX} when the decimal exponent is below -4 or above 15 ({@code 1e-05}, {@code 0.0001},
 * {@code 1000000000000000.0}, {@code 1e+16}).
 */
public final class PyFloats {

    /** A double never needs more than 17 significant digits to read back exactly. */
    private static final int MAX_DIGITS = 17;

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
        if (Double.isNaN(x)) {
            return "nan";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String sign = Double.doubleToRawLongBits(x) < 0 ? "-" : "";
        if (x == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(x)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // the value is 0.<digits> x 10^decpt, as in Python's format_float_short
        int decpt = digits.length() - shortest.scale();
        return sign + format(digits, decpt);
    }

    /**
     * The shortest decimal that reads back as {@code x} (positive, finite). At each length only the two decimals
     * next to the exact value can qualify (the decimals that read back as {@code x} form an interval); of two that
     * both do, the closer wins, and of two equally close the one with an even last digit, as in Python's dtoa
     * ({@code 562949953421312.25} is written {@code 562949953421312.2}, {@code ...312.75} as {@code ...312.8}).
     */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int digits = 1; digits < MAX_DIGITS; digits++) {
            BigDecimal below = exact.round(new MathContext(digits, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(digits, RoundingMode.CEILING));
            boolean belowWorks = readsBackAs(below, x);
            boolean aboveWorks = readsBackAs(above, x);
            if (belowWorks && aboveWorks) {
                return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            }
            if (belowWorks) {
                return below;
            }
            if (aboveWorks) {
                return above;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static boolean readsBackAs(BigDecimal decimal, double x) {
        return Double.parseDouble(decimal.toString()) == x;
    }

    private static String format(String digits, int decpt) {
        int n = digits.length();
        if (decpt <= -4 || decpt > 16) {
            int exponent = decpt - 1;
            String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String magnitude = String.valueOf(Math.abs(exponent));
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
        }
        if (decpt <= 0) {
            return "0." + "0".repeat(-decpt) + digits;
        }
        if (decpt >= n) {
            return digits + "0".repeat(decpt - n) + ".0";
        }
        return digits.substring(0, decpt) + "." + digits.substring(decpt);
    }
}
