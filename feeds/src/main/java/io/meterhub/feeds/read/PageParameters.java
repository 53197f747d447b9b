package io.meterhub.feeds.read;

import io.meterhub.feeds.search.Search;
import io.meterhub.feeds.search.SearchParser;
import io.meterhub.feeds.search.SearchSyntaxException;
import io.meterhub.model.Timestamps;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a page request's query string: {@code marker} (a position this feed wrote), {@code direction}
 * ({@code forward} or {@code backward}, the default), {@code limit} (1 to 1000, default 25), {@code startingAt} (an
 * ISO-8601 time; not together with a marker) and {@code search} (Atom Hopper's category search). When a parameter is
 * repeated the last one counts; other parameters are ignored (feed readers add cache-busters).
 */
public final class PageParameters {

    public static final String MARKER = "marker";
    public static final String DIRECTION = "direction";
    public static final String LIMIT = "limit";
    public static final String STARTING_AT = "startingAt";
    public static final String SEARCH = "search";

    private PageParameters() {}

    /**
     * @param rawQuery the query string as received (URL-encoded), or null
     * @param project the caller's project when it is not an admin
     * @throws BadFeedRequestException naming the parameter and what is wrong with it
     */
    public static FeedQuery parse(Feed feed, String rawQuery, Optional<String> project) {
        Map<String, String> p = decode(rawQuery);
        Optional<Position> marker = Optional.ofNullable(p.get(MARKER)).map(PageParameters::marker);
        Optional<Instant> startingAt = Optional.ofNullable(p.get(STARTING_AT)).map(PageParameters::time);
        if (marker.isPresent() && startingAt.isPresent()) {
            throw new BadFeedRequestException("give either marker or startingAt, not both");
        }
        FeedQuery.Start start = marker.<FeedQuery.Start>map(FeedQuery.Marker::new)
                .or(() -> startingAt.map(FeedQuery.StartingAt::new))
                .orElse(new FeedQuery.Head());
        return new FeedQuery(
                feed,
                Optional.ofNullable(p.get(SEARCH)).map(PageParameters::search),
                project,
                start,
                direction(p.get(DIRECTION)),
                limit(p.get(LIMIT)));
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                out.put(
                        URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadFeedRequestException("malformed query string: " + e.getMessage());
            }
        }
        return out;
    }

    private static Position marker(String raw) {
        try {
            return Position.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadFeedRequestException(MARKER + ": " + e.getMessage());
        }
    }

    private static Instant time(String raw) {
        return Timestamps.parse(raw)
                .orElseThrow(() -> new BadFeedRequestException(
                        STARTING_AT + ": '" + raw + "' is not an ISO-8601 time (e.g. 2024-06-01T12:00:00Z)"));
    }

    private static Direction direction(String raw) {
        if (raw == null) {
            return Direction.BACKWARD;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "forward" -> Direction.FORWARD;
            case "backward" -> Direction.BACKWARD;
            default -> throw new BadFeedRequestException(DIRECTION + ": '" + raw + "' is neither forward nor backward");
        };
    }

    private static int limit(String raw) {
        if (raw == null) {
            return FeedQuery.DEFAULT_LIMIT;
        }
        int n;
        try {
            n = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new BadFeedRequestException(LIMIT + ": '" + raw + "' is not a whole number");
        }
        if (n < 1 || n > FeedQuery.MAX_LIMIT) {
            throw new BadFeedRequestException(LIMIT + ": must be between 1 and " + FeedQuery.MAX_LIMIT + ", not " + n);
        }
        return n;
    }

    private static Search search(String raw) {
        try {
            return SearchParser.parse(raw);
        } catch (SearchSyntaxException e) {
            throw new BadFeedRequestException(e.getMessage());
        }
    }
}
