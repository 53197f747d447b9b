package io.meterhub.model.signing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What Python 3 does with values where Ceilometer's signature (and Python's {@code json}) depends on it.
 *
 * <p>{@link #floatRepr}: Python 3's {@code repr(float)} (which {@code str(float)} equals): the shortest decimal that
 * reads back as the same double, closest to it among the shortest, written in positional form with a {@code .0} when
 * whole, or as {@code d[.ddd]e±XX} when the decimal exponent is below -4 or above 15 ({@code 1e-05}, {@code 0.0001},
 * {@code 1000000000000000.0}, {@code 1e+16}).
 */
public final class Python {

    /** A double never needs more than 17 significant digits to read back exactly. */
    private static final int MAX_DIGITS = 17;

    private Python() {}

    /** {@code repr(x)}, e.g. {@code 1.5}, {@code 100.0}, {@code 1e+16}, {@code 1e-05}, {@code inf}, {@code nan}. */
    public static String floatRepr(double x) {
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

    /** Orders two strings by Unicode code point, as Python orders {@code str} (Java's compareTo orders UTF-16 units). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
