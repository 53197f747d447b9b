package io.meterhub.mediation.jsonpath.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Python's {@code int(x)} of a JSON value. */
public final class PyInt {

    private PyInt() {}

    /**
     * {@code int(value)}: a bool or int as it is, a float truncated toward zero, a string parsed as a base-10 integer
     * literal (surrounding whitespace, a sign, underscores between digits and any Unicode decimal digits allowed).
     *
     * @throws PyException ValueError for a string that is no integer or a NaN, OverflowError for an infinity,
     *     TypeError for a list, dict or None
     */
    public static BigInteger of(JsonNode value) {
        switch (PyType.of(value)) {
            case BOOL:
            case INT:
                return PyNumbers.bigInteger(value);
            case FLOAT:
                return ofFloat(value.doubleValue());
            case STR:
                return parse(value.textValue());
            default:
                throw PyException.typeError(
                        "int() argument must be a string, a bytes-like object or a real number, not '"
                                + PyType.of(value).pythonName() + "'");
        }
    }

    private static BigInteger ofFloat(double d) {
        if (Double.isNaN(d)) {
            throw PyException.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new PyException("OverflowError", "cannot convert float infinity to integer");
        }
        return new BigDecimal(d).toBigInteger();
    }

    /** {@code int(text)} in base 10. */
    public static BigInteger parse(String text) {
        String s = PyStrings.strip(text);
        int i = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        StringBuilder digits = new StringBuilder(s.length());
        boolean lastWasDigit = false;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '_' && lastWasDigit && i < s.length()) {
                lastWasDigit = false;
                continue;
            }
            int digit = Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(cp, 10) : -1;
            if (digit < 0) {
                throw invalid(text);
            }
            digits.append((char) ('0' + digit));
            lastWasDigit = true;
        }
        if (digits.length() == 0 || !lastWasDigit) {
            throw invalid(text);
        }
        BigInteger value = new BigInteger(digits.toString());
        return negative ? value.negate() : value;
    }

    private static PyException invalid(String text) {
        return PyException.valueError("invalid literal for int() with base 10: " + PyStr.repr(text));
    }
}
