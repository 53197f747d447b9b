package io.meterhub.feeds.read;

import io.meterhub.feeds.CategoryTerms;
import io.meterhub.feeds.search.Search;
import java.util.Objects;
import java.util.Optional;

/**
 * One of the hub's feeds.
 *
 * @param key the event type, project or meter the feed is about; empty for {@link Kind#NOTIFICATIONS}
 */
public record Feed(Kind kind, String key) {

    /** The kinds of feed, with the path each is served under (below {@code /feeds/}). */
    public enum Kind {
        /** {@code notifications}: every stored notification, and every posted entry. */
        NOTIFICATIONS("notifications"),
        /** {@code notifications/<event_type>}: the notifications of one event type (Yagi's layout). */
        EVENT_TYPE("notifications"),
        /** {@code projects/<project_id>}: the notifications of one project. */
        PROJECT("projects"),
        /** {@code meters/<meter>}: the samples of one meter, one entry each. */
        METER("meters"),
        /** {@code events/<event_type>}: the events of one type, one entry each. */
        EVENTS("events");

        private final String segment;

        Kind(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }
    }

    public Feed {
        Objects.requireNonNull(kind, "kind");
        key = key == null ? "" : key;
        if ((kind == Kind.NOTIFICATIONS) != key.isEmpty()) {
            throw new IllegalArgumentException(kind + " feed with key '" + key + "'");
        }
    }

    public static Feed notifications() {
        return new Feed(Kind.NOTIFICATIONS, "");
    }

    /** The path below {@code /feeds/}, e.g. {@code meters/cpu} (the key as it is; the caller escapes it). */
    public String path() {
        return kind == Kind.NOTIFICATIONS ? kind.segment() : kind.segment() + "/" + key;
    }

    /** Whether entries can be posted to this feed (AtomPub): the notification feeds. */
    public boolean acceptsPosts() {
        return kind == Kind.NOTIFICATIONS || kind == Kind.EVENT_TYPE;
    }

    /** The category every entry of this feed has; empty for the feed of all notifications. */
    public Optional<Search> category() {
        return switch (kind) {
            case NOTIFICATIONS -> Optional.empty();
            case EVENT_TYPE, EVENTS -> Optional.of(new Search.Category(key));
            case PROJECT -> Optional.of(new Search.Category(CategoryTerms.PROJECT + key));
            case METER -> Optional.of(new Search.Category(CategoryTerms.METER + key));
        };
    }
}
