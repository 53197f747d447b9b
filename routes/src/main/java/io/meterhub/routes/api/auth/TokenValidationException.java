package io.meterhub.routes.api.auth;

/** A token's validity could not be decided, e.g. because Keystone did not answer; the request fails with 503. */
public final class TokenValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TokenValidationException(String message, Throwable cause) {
        super(message, cause);
    }

    public TokenValidationException(String message) {
        super(message);
    }
}
