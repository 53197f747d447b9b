package io.meterhub.feeds.search;

/** A search parameter that is not a category search; the message says where and why, for the client. */
public final class SearchSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SearchSyntaxException(String message) {
        super(message);
    }
}
