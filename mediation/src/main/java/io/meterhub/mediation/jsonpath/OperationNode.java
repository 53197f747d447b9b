package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyArithmetic;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * jsonpath_rw_ext's {@code Operation}: {@code left op right} where each side is a path or a constant (a number, or
 * a lone field name, which the parser turns into a string). Two paths must match the same number of values, which
 * are combined pairwise; a path and a constant combine each match with the constant. A TypeError on any pair (e.g.
 * {@code 'a' + 1}) empties the whole result, as in Python; other errors (division by zero) raise.
 */
final class OperationNode extends Node {

    /** The four operators of the grammar, with Python's {@code operator} functions. */
    enum Operator {
        ADD("+", PyArithmetic::add),
        SUB("-", PyArithmetic::sub),
        MUL("*", PyArithmetic::mul),
        DIV("/", PyArithmetic::truediv);

        final String symbol;
        final BinaryOperator<JsonNode> apply;

        Operator(String symbol, BinaryOperator<JsonNode> apply) {
            this.symbol = symbol;
            this.apply = apply;
        }

        static Operator of(String symbol) {
            for (Operator o : values()) {
                if (o.symbol.equals(symbol)) {
                    return o;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    private final Object left; // Node or JsonNode constant
    private final Operator operator;
    private final Object right;

    /** Each operand is a {@link Node} or a {@link JsonNode} constant. */
    OperationNode(Object left, Operator operator, Object right) {
        this.left = left;
        this.operator = operator;
        this.right = right;
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        List<JsonNode> results;
        if (left instanceof Node l && right instanceof Node r) {
            List<Datum> lefts = l.find(datum);
            List<Datum> rights = r.find(datum);
            if (lefts.isEmpty() || rights.isEmpty() || lefts.size() != rights.size()) {
                return;
            }
            results = new ArrayList<>(lefts.size());
            for (int i = 0; i < lefts.size(); i++) {
                JsonNode result = apply(valueOf(lefts.get(i)), valueOf(rights.get(i)));
                if (result == null) {
                    return;
                }
                results.add(result);
            }
        } else if (left instanceof Node || right instanceof Node) {
            List<Datum> matches = ((Node) (left instanceof Node ? left : right)).find(datum);
            results = new ArrayList<>(matches.size());
            for (Datum match : matches) {
                JsonNode value = valueOf(match);
                JsonNode result = left instanceof Node ? apply(value, (JsonNode) right) : apply((JsonNode) left, value);
                if (result == null) {
                    return;
                }
                results.add(result);
            }
        } else {
            JsonNode result = apply((JsonNode) left, (JsonNode) right);
            if (result == null) {
                return;
            }
            results = List.of(result);
        }
        for (JsonNode result : results) {
            out.add(Datum.start(result));
        }
    }

    /** The operator applied, or null for a TypeError, which Python's Operation turns into no result at all. */
    private JsonNode apply(JsonNode a, JsonNode b) {
        try {
            return operator.apply.apply(a, b);
        } catch (PyException e) {
            if (e.isTypeError()) {
                return null;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "Operation(" + operand(left) + "," + operator.symbol + "," + operand(right) + ")";
    }

    private static String operand(Object o) {
        return o instanceof JsonNode constant ? PyStr.repr(constant) : o.toString();
    }
}
