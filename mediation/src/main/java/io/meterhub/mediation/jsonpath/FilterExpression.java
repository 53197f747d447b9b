package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyCompare;
import io.meterhub.mediation.jsonpath.python.PyComparison;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyInt;
import io.meterhub.mediation.jsonpath.python.PyNumbers;
import io.meterhub.mediation.jsonpath.python.PyRegex;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyType;
import java.util.Map;

/**
 * One condition of a filter, jsonpath_rw_ext's {@code Expression}: {@code path} alone holds when the path matches
 * something; {@code path op value} holds when a non-null match compares true. For an integer or boolean value each
 * match is first converted with Python's {@code int()} (matches that do not convert are skipped);
 * {@code ~} is {@code re.match(value, match)}.
 */
final class FilterExpression {

    private static final Map<String, PyComparison> COMPARISONS = Map.of(
            "==", PyComparison.EQ,
            "=", PyComparison.EQ,
            "!=", PyComparison.NE,
            "<", PyComparison.LT,
            "<=", PyComparison.LE,
            ">", PyComparison.GT,
            ">=", PyComparison.GE);

    private final Node target;
    private final String[] targetFields; // the target as a walk from the element, when it is a chain of field names
    private final String operator; // null: the path alone
    private final PyComparison comparison; // null for ~ or no operator
    private final JsonNode value;
    private final boolean convertToInt; // Python's isinstance(value, int): an int or a bool
    private final Object regex; // for ~: the PyRegex, or the PyException compiling it raises

    FilterExpression(Node target, String operator, JsonNode value) {
        this.target = target;
        this.targetFields = DottedPath.fieldsOf(target);
        this.operator = operator;
        this.comparison = operator == null ? null : COMPARISONS.get(operator);
        this.value = value;
        this.convertToInt = value != null && PyType.of(value).isInteger();
        this.regex = "~".equals(operator) ? compile(value) : null;
    }

    private static Object compile(JsonNode pattern) {
        if (!pattern.isTextual()) {
            return PyException.typeError("first argument must be string or compiled pattern");
        }
        try {
            return PyRegex.compile(pattern.textValue());
        } catch (PyException e) {
            return e;
        }
    }

    /** Whether this condition holds for one element of the filtered list. */
    boolean test(JsonNode element) {
        if (targetFields != null) {
            JsonNode match = DottedPath.walk(element, targetFields);
            return operator == null ? match != null : match != null && matches(match);
        }
        Datum datum = Datum.start(element);
        if (operator == null) {
            return target.findsBareDatum(datum) || !target.find(datum).isEmpty();
        }
        boolean found = false;
        for (Datum match : target.find(datum)) {
            found |= matches(Node.valueOf(match));
        }
        return found;
    }

    /** Whether one matched value satisfies {@code operator value}; null values never do. */
    private boolean matches(JsonNode match) {
        if (match.isNull()) {
            return false;
        }
        JsonNode candidate = match;
        if (convertToInt) {
            try {
                candidate = PyNumbers.intNode(PyInt.of(match));
            } catch (PyException e) {
                if (e.type().equals("ValueError")) {
                    return false;
                }
                throw e;
            }
        }
        return holds(candidate);
    }

    private boolean holds(JsonNode candidate) {
        if (regex != null) {
            if (regex instanceof PyException e) {
                throw e;
            }
            if (!candidate.isTextual()) {
                throw PyException.typeError("expected string or bytes-like object");
            }
            return ((PyRegex) regex).matchesAtStart(candidate.textValue());
        }
        return PyCompare.compare(comparison, candidate, value);
    }

    @Override
    public String toString() {
        return "Expression(" + target + "," + (operator == null ? "None" : PyStr.repr(operator)) + ","
                + (value == null ? "None" : PyStr.repr(value)) + ")";
    }
}
