package io.meterhub.routes.push;

import io.meterhub.feeds.read.FeedEntry;
import io.meterhub.feeds.read.FeedPage;
import io.meterhub.feeds.read.FeedSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes one feed to one receiver: reads the committed entries after its cursor with the feeds' own pages, hands them
 * to its {@link Delivery}, and moves the cursor (in the store) past what the receiver acknowledged. A failure waits
 * as the {@link Backoff} says; a receiver failing for longer than its give-up period, or a lease that ran out, ends
 * the pusher and deletes its document. At-least-once: the cursor moves only after an acknowledgement.
 */
public final class Pusher {

    private static final Logger LOG = LoggerFactory.getLogger(Pusher.class);

    /** What {@link #run} left behind. */
    public enum Outcome {
        /** Nothing more to push now. */
        IDLE,
        /** A full page was delivered; more may be waiting. */
        MORE,
        /** The pusher ended (lease expired, or given up); its document is deleted. */
        ENDED
    }

    private final String id;
    private final PushFeed feed;
    private final Delivery delivery;
    private final PushStore store;
    private final Optional<Instant> expires;
    private volatile PushState state;

    /** @param expires when the pusher ends by itself (a WebSub lease); empty for never */
    public Pusher(
            String id, PushFeed feed, Delivery delivery, PushStore store, Optional<Instant> expires, PushState state) {
        this.id = id;
        this.feed = feed;
        this.delivery = delivery;
        this.store = store;
        this.expires = expires;
        this.state = state;
    }

    public String id() {
        return id;
    }

    public PushState state() {
        return state;
    }

    Outcome run(FeedSource source, Instant now, Backoff backoff, int limit) {
        if (expires.isPresent() && !now.isBefore(expires.get())) {
            LOG.info("lease of {} expired; it gets no more pushes", delivery.describe());
            store.delete(id);
            return Outcome.ENDED;
        }
        if (now.isBefore(state.nextAttempt())) {
            return Outcome.IDLE;
        }
        FeedPage page = source.page(feed.after(state.cursor(), limit));
        List<FeedEntry> entries = new ArrayList<>(page.entries());
        if (entries.isEmpty()) {
            return Outcome.IDLE;
        }
        Collections.reverse(entries); // a page is newest first
        int acknowledged;
        try {
            acknowledged = delivery.deliver(page, entries);
        } catch (RuntimeException e) {
            LOG.warn("delivery to {} failed: {}", delivery.describe(), e.toString());
            acknowledged = 0;
        }
        PushState next = acknowledged > 0
                ? state.acknowledged(entries.get(acknowledged - 1).position())
                : state;
        if (acknowledged == entries.size()) {
            next = next.succeeded();
        } else {
            next = next.failed(now, backoff);
            if (backoff.givesUp(next.failingSince().orElseThrow(), now)) {
                LOG.error(
                        "{} has failed since {}: giving up and dropping it",
                        delivery.describe(),
                        next.failingSince().get());
                store.delete(id);
                return Outcome.ENDED;
            }
            LOG.info(
                    "delivery {} to {} failed; next attempt at {}",
                    next.failures(),
                    delivery.describe(),
                    next.nextAttempt());
        }
        state = next;
        store.save(id, next);
        return acknowledged == entries.size() && entries.size() == limit ? Outcome.MORE : Outcome.IDLE;
    }
}
