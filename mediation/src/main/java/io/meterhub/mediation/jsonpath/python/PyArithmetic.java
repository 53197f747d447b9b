package io.meterhub.mediation.jsonpath.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Python's {@code operator.add}, {@code sub}, {@code mul} and {@code truediv} over JSON values: int arithmetic is
 * exact, an int meeting a float becomes a float, {@code str + str} and {@code list + list} concatenate, a str or list
 * times an int repeats; anything else raises {@code TypeError}.
 */
public final class PyArithmetic {

    /** Longest string or list a repetition may build; Python would run out of memory well before. */
    private static final long MAX_REPEAT = Integer.MAX_VALUE - 8;

    private PyArithmetic() {}

    /** {@code a + b}. */
    public static JsonNode add(JsonNode a, JsonNode b) {
        PyType ta = PyType.of(a);
        PyType tb = PyType.of(b);
        if (ta.isInteger() && tb.isInteger()) {
            if (PyNumbers.fitsLong(a) && PyNumbers.fitsLong(b)) {
                long x = PyNumbers.longValue(a);
                long y = PyNumbers.longValue(b);
                long r = x + y;
                if (((x ^ r) & (y ^ r)) >= 0) {
                    return LongNode.valueOf(r);
                }
            }
            return PyNumbers.intNode(PyNumbers.bigInteger(a).add(PyNumbers.bigInteger(b)));
        }
        if (ta.isNumber() && tb.isNumber()) {
            return DoubleNode.valueOf(PyNumbers.toDouble(a) + PyNumbers.toDouble(b));
        }
        if (ta == PyType.STR && tb == PyType.STR) {
            return TextNode.valueOf(a.textValue() + b.textValue());
        }
        if (ta == PyType.LIST && tb == PyType.LIST) {
            ArrayNode sum = JsonNodeFactory.instance.arrayNode(a.size() + b.size());
            return sum.addAll((ArrayNode) a).addAll((ArrayNode) b);
        }
        throw unsupported("+", ta, tb);
    }

    /** {@code a - b}. */
    public static JsonNode sub(JsonNode a, JsonNode b) {
        PyType ta = PyType.of(a);
        PyType tb = PyType.of(b);
        if (ta.isInteger() && tb.isInteger()) {
            if (PyNumbers.fitsLong(a) && PyNumbers.fitsLong(b)) {
                long x = PyNumbers.longValue(a);
                long y = PyNumbers.longValue(b);
                long r = x - y;
                if (((x ^ y) & (x ^ r)) >= 0) {
                    return LongNode.valueOf(r);
                }
            }
            return PyNumbers.intNode(PyNumbers.bigInteger(a).subtract(PyNumbers.bigInteger(b)));
        }
        if (ta.isNumber() && tb.isNumber()) {
            return DoubleNode.valueOf(PyNumbers.toDouble(a) - PyNumbers.toDouble(b));
        }
        throw unsupported("-", ta, tb);
    }

    /** {@code a * b}. */
    public static JsonNode mul(JsonNode a, JsonNode b) {
        PyType ta = PyType.of(a);
        PyType tb = PyType.of(b);
        if (ta.isInteger() && tb.isInteger()) {
            if (PyNumbers.fitsLong(a) && PyNumbers.fitsLong(b)) {
                long x = PyNumbers.longValue(a);
                long y = PyNumbers.longValue(b);
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
                    return LongNode.valueOf(lo);
                }
            }
            return PyNumbers.intNode(PyNumbers.bigInteger(a).multiply(PyNumbers.bigInteger(b)));
        }
        if (ta.isNumber() && tb.isNumber()) {
            return DoubleNode.valueOf(PyNumbers.toDouble(a) * PyNumbers.toDouble(b));
        }
        if ((ta == PyType.STR || ta == PyType.LIST) && tb.isInteger()) {
            return repeat(a, PyNumbers.bigInteger(b));
        }
        if (ta.isInteger() && (tb == PyType.STR || tb == PyType.LIST)) {
            return repeat(b, PyNumbers.bigInteger(a));
        }
        if ((ta == PyType.STR || ta == PyType.LIST) && tb != PyType.STR && tb != PyType.LIST) {
            throw PyException.typeError("can't multiply sequence by non-int of type '" + tb.pythonName() + "'");
        }
        if ((tb == PyType.STR || tb == PyType.LIST) && ta != PyType.STR && ta != PyType.LIST) {
            throw PyException.typeError("can't multiply sequence by non-int of type '" + ta.pythonName() + "'");
        }
        throw unsupported("*", ta, tb);
    }

    /** {@code a / b}: true division, always a float for numbers. */
    public static JsonNode truediv(JsonNode a, JsonNode b) {
        PyType ta = PyType.of(a);
        PyType tb = PyType.of(b);
        if (!ta.isNumber() || !tb.isNumber()) {
            throw unsupported("/", ta, tb);
        }
        if (ta.isInteger() && tb.isInteger()) {
            BigInteger x = PyNumbers.bigInteger(a);
            BigInteger y = PyNumbers.bigInteger(b);
            if (y.signum() == 0) {
                throw new PyException("ZeroDivisionError", "division by zero");
            }
            if (x.bitLength() <= 53 && y.bitLength() <= 53) {
                return DoubleNode.valueOf(x.doubleValue() / y.doubleValue());
            }
            BigDecimal q = new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128);
            double d = q.doubleValue();
            if (Double.isInfinite(d)) {
                throw new PyException("OverflowError", "integer division result too large for a float");
            }
            return DoubleNode.valueOf(d);
        }
        double y = PyNumbers.toDouble(b);
        double x = PyNumbers.toDouble(a);
        if (y == 0) {
            throw new PyException("ZeroDivisionError", "float division by zero");
        }
        return DoubleNode.valueOf(x / y);
    }

    private static JsonNode repeat(JsonNode sequence, BigInteger times) {
        if (times.signum() <= 0 || sequence.size() == 0 && !sequence.isTextual()) {
            return sequence.isTextual() ? TextNode.valueOf("") : JsonNodeFactory.instance.arrayNode();
        }
        if (times.bitLength() >= 64) {
            throw new PyException("OverflowError", "cannot fit 'int' into an index-sized integer");
        }
        long n = times.longValue();
        if (sequence.isTextual()) {
            String s = sequence.textValue();
            if (s.isEmpty()) {
                return sequence;
            }
            if (n > MAX_REPEAT / s.length()) {
                throw new PyException("MemoryError", "");
            }
            return TextNode.valueOf(s.repeat((int) n));
        }
        if (n > MAX_REPEAT / sequence.size()) {
            throw new PyException("MemoryError", "");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode((int) (n * sequence.size()));
        for (long i = 0; i < n; i++) {
            out.addAll((ArrayNode) sequence);
        }
        return out;
    }

    private static PyException unsupported(String op, PyType a, PyType b) {
        if (op.equals("+") && a == PyType.STR) {
            return PyException.typeError("can only concatenate str (not \"" + b.pythonName() + "\") to str");
        }
        if (op.equals("+") && a == PyType.LIST) {
            return PyException.typeError("can only concatenate list (not \"" + b.pythonName() + "\") to list");
        }
        return PyException.typeError(
                "unsupported operand type(s) for " + op + ": '" + a.pythonName() + "' and '" + b.pythonName() + "'");
    }
}
