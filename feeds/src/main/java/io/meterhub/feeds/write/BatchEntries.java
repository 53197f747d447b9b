package io.meterhub.feeds.write;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.meterhub.feeds.FeedNames;
import io.meterhub.feeds.FeedSettings;
import io.meterhub.model.Translation;
import io.meterhub.store.ContributorItem;
import io.meterhub.store.PreparedByNotification;
import io.meterhub.store.WriteBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * Sorts a batch's would-be entries into those to store and those that exist: one per notification the store took
 * and per posted entry, looked up by their unique entry ids in one query. An existing notification entry (a
 * redelivery, or a batch written again) is left alone; a posted entry whose id is taken — by an earlier entry, or
 * earlier in this batch — is a duplicate, unless the stored entry carries its own nonce (an earlier attempt of this
 * batch stored it, so it was created).
 */
final class BatchEntries {

    /** The outcome: the new entries in batch order, and what becomes of the posted ones that are not new. */
    record Sorted(List<NewEntry> fresh, Map<PostedEntry, Long> created, List<PostedEntry> duplicates) {}

    private final MongoCollection<Document> entries;
    private final NotificationEntries notifications;
    private final PostedEntries posted;
    /** Entries rendered on the submitting threads: their JSON content is most of the feeds' work per notification. */
    private final PreparedByNotification<NewEntry> prepared = new PreparedByNotification<>();

    BatchEntries(MongoCollection<Document> entries, FeedSettings settings) {
        this.entries = entries;
        EntryCategories categories = new EntryCategories(settings);
        this.notifications = new NotificationEntries(categories);
        this.posted = new PostedEntries(categories);
    }

    /** Makes the notification's entry ahead of its batch, on the submitting thread. */
    void prepare(Translation t) {
        prepared.put(t, notifications.of(t));
    }

    /** Entries made ahead and not yet taken by a batch. */
    int preparedCount() {
        return prepared.size();
    }

    /** @param rejected message ids of notifications the store refused: they get no entry */
    Sorted sort(WriteBatch batch, Set<String> rejected, Instant now) {
        List<NewEntry> candidates = candidates(batch, rejected, now);
        Map<String, Document> existing = existing(candidates);
        Sorted out = new Sorted(new ArrayList<>(), new HashMap<>(), new ArrayList<>());
        Set<String> seen = new HashSet<>();
        for (NewEntry e : candidates) {
            Document stored = existing.get(e.entryId());
            if (!seen.add(e.entryId())) {
                if (e.posted() != null) {
                    out.duplicates().add(e.posted());
                }
            } else if (stored == null) {
                out.fresh().add(e);
            } else if (e.posted() != null) {
                if (e.posted().nonce().equals(stored.getString(FeedNames.NONCE))) {
                    out.created().put(e.posted(), stored.getLong("_id"));
                } else {
                    out.duplicates().add(e.posted());
                }
            }
        }
        return out;
    }

    private List<NewEntry> candidates(WriteBatch batch, Set<String> rejected, Instant now) {
        List<NewEntry> out =
                new ArrayList<>(batch.translations().size() + batch.items().size());
        for (Translation t : batch.translations()) {
            NewEntry made = prepared.take(t);
            if (!rejected.contains(t.source().messageId())) {
                out.add(made != null ? made : notifications.of(t));
            }
        }
        for (ContributorItem item : batch.items()) {
            if (item instanceof PostedEntry p) {
                out.add(posted.of(p, now));
            }
        }
        return out;
    }

    private Map<String, Document> existing(List<NewEntry> candidates) {
        Map<String, Document> out = new HashMap<>();
        if (candidates.isEmpty()) {
            return out;
        }
        List<String> ids = candidates.stream().map(NewEntry::entryId).distinct().toList();
        for (Document d : entries.find(Filters.in(FeedNames.ENTRY_ID, ids))
                .projection(Projections.include("_id", FeedNames.ENTRY_ID, FeedNames.NONCE))) {
            out.put(d.getString(FeedNames.ENTRY_ID), d);
        }
        return out;
    }
}
