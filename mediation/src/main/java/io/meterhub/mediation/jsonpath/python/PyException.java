package io.meterhub.mediation.jsonpath.python;

/**
 * A Python exception that the emulated Python code would raise, such as {@code TypeError} for {@code 'a' + 1}. It
 * carries the Python exception class name so that callers can tell the ones Python code catches (jsonpath_rw_ext
 * catches {@code TypeError} in arithmetic) from those it lets through. Cheap to throw: no stack trace.
 */
public final class PyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String type;

    /**
     * @param type the Python exception class name, e.g. {@code TypeError}
     * @param message the message Python would give, or close to it
     */
    public PyException(String type, String message) {
        super(type + ": " + message, null, false, false);
        this.type = type;
    }

    public static PyException typeError(String message) {
        return new PyException("TypeError", message);
    }

    public static PyException valueError(String message) {
        return new PyException("ValueError", message);
    }

    /** The Python exception class name, e.g. {@code TypeError}. */
    public String type() {
        return type;
    }

    public boolean isTypeError() {
        return type.equals("TypeError");
    }
}
