package io.meterhub.mediation.definition;

/**
 * A field definition Ceilometer would reject, with Ceilometer's message naming the definition and the problem, e.g.
 * {@code No plugin named foo available for bar}; or a plugin asked for what it cannot do.
 */
public class DefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DefinitionException(String message) {
        super(message);
    }

    public DefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
