package io.meterhub.feeds.read;

import io.meterhub.feeds.search.Search;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for one page of a feed.
 *
 * @param search a category search the entries must also match
 * @param project the caller's project when the caller is not an admin: only that project's entries are shown
 * @param start where the page starts
 * @param limit entries per page, 1 to {@value #MAX_LIMIT}
 */
public record FeedQuery(
        Feed feed, Optional<Search> search, Optional<String> project, Start start, Direction direction, int limit) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;

    /** Where a page starts. */
    public sealed interface Start {}

    /** No marker: backward, the newest entries (the feed's head); forward, the oldest. */
    public record Head() implements Start {}

    /** After (forward) or before (backward) this position, which is not on the page. */
    public record Marker(Position position) implements Start {}

    /** Forward: the entries committed at or after this time; backward: at or before it. */
    public record StartingAt(Instant time) implements Start {}

    public FeedQuery {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(direction, "direction");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** The feed's head: its newest entries, as anyone sees it. */
    public static FeedQuery head(Feed feed, int limit) {
        return new FeedQuery(feed, Optional.empty(), Optional.empty(), new Head(), Direction.BACKWARD, limit);
    }
}
