package io.meterhub.routes.push;

import io.meterhub.feeds.read.Direction;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedQuery;
import io.meterhub.feeds.read.Position;
import io.meterhub.feeds.search.Search;
import java.util.Optional;

/**
 * What a pusher reads: a feed, with an optional category search, within a project when the subscriber is limited to
 * one — the same {@link FeedQuery} a reader of the feed would send.
 */
public record PushFeed(Feed feed, Optional<Search> search, Optional<String> project) {

    /** The page after {@code cursor}, oldest entries first in the feed, at most {@code limit}. */
    FeedQuery after(Position cursor, int limit) {
        return new FeedQuery(feed, search, project, new FeedQuery.Marker(cursor), Direction.FORWARD, limit);
    }
}
