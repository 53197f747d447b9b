package io.meterhub.routes.push;

import com.mongodb.client.MongoDatabase;
import io.meterhub.feeds.read.Feed;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.feeds.read.Position;
import io.meterhub.routes.feeds.FeedPath;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * AtomPub push out: one {@link Pusher} per forwarded feed, posting its entries to the external server with
 * {@link AtomPubDelivery}. Each keeps its cursor in a document of {@value #COLLECTION} ({@code _id} the hash of feed
 * and target); a feed forwarded for the first time starts at the committed mark, later starts resume at the cursor.
 */
public final class AtomPubTargets {

    /** The collection of AtomPub push cursors. */
    public static final String COLLECTION = "atompub_push";

    private AtomPubTargets() {}

    /**
     * @param feeds feed paths below {@code /feeds/}, e.g. {@code notifications} or {@code events/compute.instance.exists}
     * @param base the hub's own address ({@code http://host:port}), the base of entries' self links
     */
    public static void start(
            MongoDatabase db,
            PushScheduler scheduler,
            FeedSource source,
            HttpPost http,
            URI target,
            List<String> feeds,
            String base) {
        PushStore store = new PushStore(db.getCollection(COLLECTION));
        for (String name : feeds) {
            Feed feed = feed(name);
            String id = PushStore.idOf(name, target.toString());
            Document doc = store.collection().find(new Document("_id", id)).first();
            PushState state;
            if (doc == null) {
                state = PushState.startingAfter(new Position(source.committed(), Integer.MAX_VALUE));
                store.create(id, new Document("feed", name).append("target", target.toString()), state);
            } else {
                state = PushStore.read(doc);
            }
            AtomPubDelivery delivery = new AtomPubDelivery(http, target, FeedPath.feedUrl(base, feed));
            scheduler.add(new Pusher(
                    id,
                    new PushFeed(feed, Optional.empty(), Optional.empty()),
                    delivery,
                    store,
                    Optional.empty(),
                    state));
        }
    }

    /** The feed at path {@code name} below {@code /feeds/}. */
    public static Feed feed(String name) {
        return FeedPath.parse("/" + FeedPath.ROOT + "/" + name)
                .filter(p -> p.entryId().isEmpty())
                .map(FeedPath::feed)
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not a feed (e.g. notifications, "
                        + "notifications/EVENT_TYPE, projects/ID, meters/METER, events/EVENT_TYPE)"));
    }
}
