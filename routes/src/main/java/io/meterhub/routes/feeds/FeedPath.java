package io.meterhub.routes.feeds;

import io.meterhub.feeds.atom.Urls;
import io.meterhub.feeds.read.Feed;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A request path below {@code /feeds}: the feed, and the entry when one is addressed.
 *
 * <pre>
 * /feeds/notifications[/entries/ID]
 * /feeds/notifications/EVENT_TYPE[/entries/ID]
 * /feeds/projects/PROJECT_ID[/entries/ID]
 * /feeds/meters/METER[/entries/ID]
 * /feeds/events/EVENT_TYPE[/entries/ID]
 * </pre>
 *
 * Segments are percent-decoded; a trailing slash is allowed.
 */
public record FeedPath(Feed feed, Optional<String> entryId) {

    public static final String ROOT = "feeds";
    private static final String ENTRIES = "entries";

    /** @param uri the request URI as received (a query is ignored) */
    public static Optional<FeedPath> parse(String uri) {
        String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
        List<String> s = new ArrayList<>();
        for (String raw : path.split("/")) {
            if (!raw.isEmpty()) {
                try {
                    s.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
        if (s.size() < 2 || !s.get(0).equals(ROOT)) {
            return Optional.empty();
        }
        List<String> rest = s.subList(1, s.size());
        if (rest.get(0).equals("notifications")
                && (rest.size() == 1 || rest.get(1).equals(ENTRIES))) {
            return of(Feed.notifications(), rest.subList(1, rest.size()));
        }
        if (rest.size() < 2) {
            return Optional.empty();
        }
        Feed.Kind kind =
                switch (rest.get(0)) {
                    case "notifications" -> Feed.Kind.EVENT_TYPE;
                    case "projects" -> Feed.Kind.PROJECT;
                    case "meters" -> Feed.Kind.METER;
                    case "events" -> Feed.Kind.EVENTS;
                    default -> null;
                };
        return kind == null ? Optional.empty() : of(new Feed(kind, rest.get(1)), rest.subList(2, rest.size()));
    }

    private static Optional<FeedPath> of(Feed feed, List<String> tail) {
        if (tail.isEmpty()) {
            return Optional.of(new FeedPath(feed, Optional.empty()));
        }
        if (tail.size() == 2 && tail.get(0).equals(ENTRIES)) {
            return Optional.of(new FeedPath(feed, Optional.of(tail.get(1))));
        }
        return Optional.empty();
    }

    /** The feed's URL below {@code base} (e.g. {@code http://host:8777}), its key escaped. */
    public static String feedUrl(String base, Feed feed) {
        List<String> segments = new ArrayList<>(Arrays.asList(ROOT, feed.kind().segment()));
        if (feed.kind() != Feed.Kind.NOTIFICATIONS) {
            segments.add(feed.key());
        }
        StringBuilder out = new StringBuilder(base);
        segments.forEach(seg -> out.append('/').append(Urls.segment(seg)));
        return out.toString();
    }
}
