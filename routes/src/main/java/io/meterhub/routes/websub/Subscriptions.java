package io.meterhub.routes.websub;

import com.mongodb.client.MongoDatabase;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.feeds.read.Position;
import io.meterhub.routes.push.HttpPost;
import io.meterhub.routes.push.PushScheduler;
import io.meterhub.routes.push.PushState;
import io.meterhub.routes.push.PushStore;
import io.meterhub.routes.push.Pusher;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verified WebSub subscriptions: one document each in {@value #COLLECTION} ({@code _id} the hash of topic and
 * callback), holding the request, the lease's end and the pusher's cursor; and one {@link Pusher} each on the
 * {@link PushScheduler}. A new subscription's cursor is the committed mark when it was verified; a renewed one keeps
 * its cursor.
 */
public final class Subscriptions {

    /** The collection of subscriptions. */
    public static final String COLLECTION = "websub_subscriptions";

    static final String TOPIC = "topic";
    static final String CALLBACK = "callback";
    static final String SECRET = "secret";
    static final String PROJECT = "project";
    static final String LEASE_EXPIRES = "lease_expires";

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);

    private final PushStore store;
    private final PushScheduler scheduler;
    private final FeedSource source;
    private final HttpPost http;
    private final WebSubSettings settings;
    private final Clock clock;

    public Subscriptions(
            MongoDatabase db,
            PushScheduler scheduler,
            FeedSource source,
            HttpPost http,
            WebSubSettings settings,
            Clock clock) {
        this.store = new PushStore(db.getCollection(COLLECTION));
        this.scheduler = scheduler;
        this.source = source;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Puts a pusher on the scheduler for every stored subscription, at its stored cursor; one whose topic this hub
     * no longer serves is dropped (logged).
     *
     * @return how many were resumed
     */
    public int resume() {
        int n = 0;
        for (Document doc : store.collection().find()) {
            Subscription s;
            try {
                s = SubscriptionRequest.of(
                        "subscribe",
                        doc.getString(TOPIC),
                        doc.getString(CALLBACK),
                        null,
                        doc.getString(SECRET),
                        Optional.ofNullable(doc.getString(PROJECT)),
                        settings);
            } catch (BadSubscriptionException e) {
                LOG.error("stored subscription {} is no longer valid, dropping it: {}", doc.get("_id"), e.getMessage());
                store.delete(String.valueOf(doc.get("_id")));
                continue;
            }
            scheduler.add(pusher(s, doc.getDate(LEASE_EXPIRES).toInstant(), PushStore.read(doc)));
            n++;
        }
        return n;
    }

    /** Applies a verified request: subscribes (or renews the lease), or unsubscribes. */
    void apply(Subscription s) {
        String id = s.id();
        if (!s.subscribe()) {
            scheduler.remove(id);
            store.delete(id);
            LOG.info("unsubscribed {} from {}", s.callback(), s.topic());
            return;
        }
        Instant expires = clock.instant().plus(s.lease());
        Document existing = store.collection().find(new Document("_id", id)).first();
        PushState state = existing != null
                ? PushStore.read(existing)
                : PushState.startingAfter(new Position(source.committed(), Integer.MAX_VALUE));
        Document fields = new Document(TOPIC, s.topic())
                .append(CALLBACK, s.callback().toString())
                .append(SECRET, s.secret().orElse(null))
                .append(PROJECT, s.feed().project().orElse(null))
                .append(LEASE_EXPIRES, Date.from(expires));
        store.create(id, fields, state);
        scheduler.add(pusher(s, expires, state));
        LOG.info("subscribed {} to {} until {}", s.callback(), s.topic(), expires);
    }

    private Pusher pusher(Subscription s, Instant expires, PushState state) {
        return new Pusher(s.id(), s.feed(), new WebSubDelivery(http, s), store, Optional.of(expires), state);
    }
}
