package io.meterhub.feeds.read;

import com.mongodb.client.MongoDatabase;
import io.meterhub.feeds.CommittedSequence;
import io.meterhub.feeds.FeedNames;
import java.util.Optional;
import org.bson.Document;

/**
 * The read side of the feeds: pages and single entries, never above the committed high-water mark, and for a caller
 * limited to a project only that project's entries. Every read goes by unique key (sequence numbers, entry ids,
 * postings keys), so a page costs the same at a million entries as at a hundred.
 */
public final class FeedSource {

    private static final String UUID_URN = "urn:uuid:";

    private final EntryStore store;
    private final PageReader pages;
    private final CommittedSequence committed;

    public FeedSource(MongoDatabase db, CommittedSequence committed) {
        this.store = new EntryStore(db);
        this.pages = new PageReader(store, new PostingsReader(db.getCollection(FeedNames.POSTINGS)));
        this.committed = committed;
    }

    public FeedPage page(FeedQuery query) {
        return pages.read(query, committed.get());
    }

    /**
     * The entry of {@code feed} with Atom id {@code id} ({@code urn:uuid:<uuid>}, or the bare uuid); empty when the
     * feed has no such entry, it is not committed yet, or the caller's project may not see it.
     */
    public Optional<FeedEntry> entry(Feed feed, String id, Optional<String> project) {
        String atomId = id.contains(":") ? id : UUID_URN + id;
        Optional<Document> doc = feed.kind() == Feed.Kind.METER
                ? store.notificationOfSample(stripUuidUrn(atomId)).flatMap(n -> store.byEntryId(UUID_URN + n))
                : store.byEntryId(atomId);
        return doc.filter(d -> d.getLong("_id") <= committed.get())
                .flatMap(d -> EntryExpander.expand(d, feed, project).stream()
                        .filter(e -> e.id().equals(atomId))
                        .findFirst());
    }

    /** The high-water mark readers see now. */
    public long committed() {
        return committed.get();
    }

    private static String stripUuidUrn(String id) {
        return id.startsWith(UUID_URN) ? id.substring(UUID_URN.length()) : id;
    }
}
