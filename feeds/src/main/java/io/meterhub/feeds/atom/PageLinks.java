package io.meterhub.feeds.atom;

import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import io.meterhub.feeds.read.FeedQuery;
import io.meterhub.feeds.read.PageParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 5005 links of a page, newest entries first as Atom Hopper pages them:
 *
 * <ul>
 *   <li>{@code self}: this page; {@code current} and {@code first}: the feed's head (its newest entries);
 *   <li>{@code last}: its oldest entries ({@code direction=forward} without a marker);
 *   <li>{@code next}: older entries, backward from the oldest on this page — only when there are any;
 *   <li>{@code previous}: newer entries, forward from the newest on this page — always, since newer entries may
 *       arrive; a client polling for new entries follows it until it gets an empty page, and follows it again later.
 * </ul>
 *
 * Each link keeps the page's {@code limit} (when not the default) and {@code search}.
 */
public final class PageLinks {

    private static final String MARKER = PageParameters.MARKER;
    private static final String DIRECTION = PageParameters.DIRECTION;
    private static final String STARTING_AT = PageParameters.STARTING_AT;
    private static final String LIMIT = PageParameters.LIMIT;
    private static final String SEARCH = PageParameters.SEARCH;

    private PageLinks() {}

    /** @param feedUrl the feed's absolute URL, without a query */
    public static List<Link> of(FeedPage page, String feedUrl) {
        FeedQuery q = page.query();
        List<Link> links = new ArrayList<>();
        links.add(new Link("self", Urls.withQuery(feedUrl, self(q))));
        String head = Urls.withQuery(feedUrl, common(q, new LinkedHashMap<>()));
        links.add(new Link("current", head));
        links.add(new Link("first", head));
        Map<String, String> last = new LinkedHashMap<>();
        last.put(DIRECTION, "forward");
        links.add(new Link("last", Urls.withQuery(feedUrl, common(q, last))));
        List<FeedEntry> entries = page.entries();
        if (page.olderExist()) {
            Map<String, String> older = entries.isEmpty()
                    ? start(q)
                    : marker(entries.get(entries.size() - 1).position().token());
            if (!older.isEmpty()) {
                older.put(DIRECTION, "backward");
                links.add(new Link("next", Urls.withQuery(feedUrl, common(q, older))));
            }
        }
        Map<String, String> newer =
                entries.isEmpty() ? start(q) : marker(entries.get(0).position().token());
        newer.put(DIRECTION, "forward");
        links.add(new Link("previous", Urls.withQuery(feedUrl, common(q, newer))));
        return links;
    }

    /** The request's own parameters, in a fixed order. */
    private static Map<String, String> self(FeedQuery q) {
        Map<String, String> p = start(q);
        p.put(DIRECTION, q.direction().name().toLowerCase(java.util.Locale.ROOT));
        return common(q, p);
    }

    /** The request's marker or startingAt; nothing for a head page. */
    private static Map<String, String> start(FeedQuery q) {
        Map<String, String> p = new LinkedHashMap<>();
        if (q.start() instanceof FeedQuery.Marker m) {
            p.put(MARKER, m.position().token());
        } else if (q.start() instanceof FeedQuery.StartingAt at) {
            p.put(STARTING_AT, at.time().toString());
        }
        return p;
    }

    private static Map<String, String> marker(String token) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(MARKER, token);
        return p;
    }

    private static Map<String, String> common(FeedQuery q, Map<String, String> p) {
        if (q.limit() != FeedQuery.DEFAULT_LIMIT) {
            p.put(LIMIT, Integer.toString(q.limit()));
        }
        q.search().ifPresent(s -> p.put(SEARCH, s.text()));
        return p;
    }
}
