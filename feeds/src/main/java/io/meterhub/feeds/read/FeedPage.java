package io.meterhub.feeds.read;

import java.util.List;

/**
 * A page of a feed, newest entry first.
 *
 * @param olderExist whether the feed has entries older than the oldest on this page (or, for an empty page, older
 *     than where it started)
 * @param committed the high-water mark the page was read under
 */
public record FeedPage(FeedQuery query, List<FeedEntry> entries, boolean olderExist, long committed) {

    public FeedPage {
        entries = List.copyOf(entries);
    }
}
