package io.meterhub.feeds.atom;

/** A posted entry that is refused: not well-formed, hostile, too large or not an Atom entry. */
public final class InvalidEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidEntryException(String message) {
        super(message);
    }

    public InvalidEntryException(String message, Throwable cause) {
        super(message, cause);
    }
}
