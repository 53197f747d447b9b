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
import java.util.List;
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
    private final String operator; // null: the path alone
    private final JsonNode value;
    private final boolean convertToInt; // Python's isinstance(value, int): an int or a bool
    private final Object regex; // for ~: the PyRegex, or the PyException compiling it raises

    FilterExpression(Node target, String operator, JsonNode value) {
        this.target = target;
        this.operator = operator;
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
        Datum datum = Datum.start(element);
        if (operator == null) {
            return target.findsBareDatum(datum) || !target.find(datum).isEmpty();
        }
        List<Datum> matches = target.find(datum);
        boolean found = false;
        for (Datum match : matches) {
            JsonNode candidate = Node.valueOf(match);
            if (candidate.isNull()) {
                continue;
            }
            if (convertToInt) {
                try {
                    candidate = PyNumbers.intNode(PyInt.of(candidate));
                } catch (PyException e) {
                    if (e.type().equals("ValueError")) {
                        continue;
                    }
                    throw e;
                }
            }
            found |= holds(candidate);
        }
        return found;
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
        return PyCompare.compare(COMPARISONS.get(operator), candidate, value);
    }

    @Override
    public String toString() {
        return "Expression(" + target + "," + (operator == null ? "None" : PyStr.repr(operator)) + ","
                + (value == null ? "None" : PyStr.repr(value)) + ")";
    }
}
