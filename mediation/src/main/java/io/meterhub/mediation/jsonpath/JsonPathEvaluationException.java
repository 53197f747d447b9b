package io.meterhub.mediation.jsonpath;

import io.meterhub.mediation.jsonpath.python.PyException;

/**
 * Evaluating an expression on a document raised a Python exception that jsonpath_rw lets through, e.g. {@code [0]} on
 * a dict ({@code KeyError}), {@code [*]} on a null ({@code TypeError}) or {@code `sorted`} on a mixed list. Ceilometer
 * then fails the whole notification for that pipeline, so callers must not treat this as "no match".
 */
public final class JsonPathEvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pythonType;

    JsonPathEvaluationException(String expression, PyException cause) {
        super("Evaluating JSONPath '" + expression + "' raised " + cause.getMessage(), cause);
        this.pythonType = cause.type();
    }

    /** The class name of the exception Python raises here, e.g. {@code TypeError}. */
    public String pythonType() {
        return pythonType;
    }
}
