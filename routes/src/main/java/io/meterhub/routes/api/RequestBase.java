package io.meterhub.routes.api;

import java.net.URI;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Where a request was sent, for the links and ids an answer builds (the API's resource links, the feeds' URLs). */
public final class RequestBase {

    private RequestBase() {}

    /**
     * {@code scheme://authority} of the URL the client requested: from the absolute request URL, which HTTP/2
     * requests have without a {@code Host} header, else from {@code Host}.
     */
    public static String of(Message in) {
        String url = in.getHeader(Exchange.HTTP_URL, String.class);
        if (url != null) {
            try {
                URI u = URI.create(url);
                if (u.getScheme() != null && u.getRawAuthority() != null) {
                    return u.getScheme() + "://" + u.getRawAuthority();
                }
            } catch (IllegalArgumentException e) {
                // fall back to the Host header
            }
        }
        String host = in.getHeader("Host", String.class);
        return "http://" + (host == null ? "localhost" : host);
    }
}
