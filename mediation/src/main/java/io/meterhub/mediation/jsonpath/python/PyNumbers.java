package io.meterhub.mediation.jsonpath.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's numbers over JSON nodes: {@code bool} and {@code int} are exact integers of any size, {@code float} is a
 * double, and an int and a float compare exactly (Python does not round the int to a double to compare).
 */
public final class PyNumbers {

    private static final long EXACT_DOUBLE = 1L << 53;

    private PyNumbers() {}

    /** The integer value of a bool or int node. */
    public static BigInteger bigInteger(JsonNode n) {
        if (n.isBoolean()) {
            return n.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
        }
        return n.isBigInteger() ? n.bigIntegerValue() : BigInteger.valueOf(n.longValue());
    }

    /** True when a bool or int node holds a value that fits a long. */
    public static boolean fitsLong(JsonNode n) {
        return n.isBoolean() || !n.isBigInteger() || n.bigIntegerValue().bitLength() < 64;
    }

    /** The long value of a bool or int node that {@link #fitsLong fits}. */
    public static long longValue(JsonNode n) {
        if (n.isBoolean()) {
            return n.booleanValue() ? 1 : 0;
        }
        return n.longValue();
    }

    /** Python's {@code float(x)} of a bool, int or float node; an int too large raises OverflowError. */
    public static double toDouble(JsonNode n) {
        if (PyType.of(n) == PyType.FLOAT) {
            return n.doubleValue();
        }
        if (fitsLong(n)) {
            return longValue(n);
        }
        double d = n.bigIntegerValue().doubleValue();
        if (Double.isInfinite(d)) {
            throw new PyException("OverflowError", "int too large to convert to float");
        }
        return d;
    }

    /** An int node: a {@link LongNode} when the value fits a long, else a {@link BigIntegerNode}. */
    public static JsonNode intNode(BigInteger value) {
        return value.bitLength() < 64 ? LongNode.valueOf(value.longValue()) : BigIntegerNode.valueOf(value);
    }

    /**
     * Compares two numbers (bool, int or float nodes) exactly as Python orders them.
     *
     * @return negative, zero or positive; {@link Integer#MIN_VALUE} when either is a NaN, which is unordered
     */
    public static int compare(JsonNode a, JsonNode b) {
        boolean aFloat = PyType.of(a) == PyType.FLOAT;
        boolean bFloat = PyType.of(b) == PyType.FLOAT;
        if (!aFloat && !bFloat) {
            if (fitsLong(a) && fitsLong(b)) {
                return Long.compare(longValue(a), longValue(b));
            }
            return bigInteger(a).compareTo(bigInteger(b));
        }
        if (aFloat && bFloat) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Integer.MIN_VALUE;
            }
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        return aFloat ? compareFloatInt(a.doubleValue(), b) : negate(compareFloatInt(b.doubleValue(), a));
    }

    private static int negate(int c) {
        return c == Integer.MIN_VALUE ? c : -c;
    }

    private static int compareFloatInt(double x, JsonNode i) {
        if (Double.isNaN(x)) {
            return Integer.MIN_VALUE;
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? 1 : -1;
        }
        if (fitsLong(i)) {
            long l = longValue(i);
            if (-EXACT_DOUBLE <= l && l <= EXACT_DOUBLE) {
                double y = l;
                return x < y ? -1 : (x > y ? 1 : 0);
            }
        }
        return new BigDecimal(x).compareTo(new BigDecimal(bigInteger(i)));
    }
}
