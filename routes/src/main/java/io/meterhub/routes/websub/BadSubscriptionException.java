package io.meterhub.routes.websub;

/** A (un)subscription request the hub refuses with 400; the message says why. */
public final class BadSubscriptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadSubscriptionException(String message) {
        super(message);
    }
}
