package io.meterhub.feeds.atom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the feeds' URLs: escaped path segments and query strings. */
public final class Urls {

    private Urls() {}

    /** A path segment with everything but RFC 3986's unreserved characters and {@code :} escaped. */
    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%3A", ":");
    }

    /** {@code base?k=v&...} in the map's order; {@code base} alone when the map is empty. */
    public static String withQuery(String base, Map<String, String> params) {
        if (params.isEmpty()) {
            return base;
        }
        return base + "?"
                + params.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
