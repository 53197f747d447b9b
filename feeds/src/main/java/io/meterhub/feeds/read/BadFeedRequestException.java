package io.meterhub.feeds.read;

/** A feed request with a parameter that is not valid; the message names it, for the client (HTTP 400). */
public final class BadFeedRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BadFeedRequestException(String message) {
        super(message);
    }
}
