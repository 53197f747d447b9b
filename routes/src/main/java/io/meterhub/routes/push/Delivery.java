package io.meterhub.routes.push;

import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import java.util.List;

/** Delivers entries to one receiver (a WebSub callback, an AtomPub collection). */
public interface Delivery {

    /**
     * Delivers {@code oldestFirst}, the entries of {@code page} in commit order.
     *
     * @return how many of them, from the first, the receiver acknowledged; fewer than all means the rest failed
     */
    int deliver(FeedPage page, List<FeedEntry> oldestFirst);

    /** The receiver, for the log. */
    String describe();
}
