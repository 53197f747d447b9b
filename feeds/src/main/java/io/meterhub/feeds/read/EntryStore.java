package io.meterhub.feeds.read;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.meterhub.feeds.FeedNames;
import io.meterhub.store.StoreNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Reads entry documents the way the embedded store answers fast: by {@code _id $in} of sequence numbers, or by the
 * unique entry id; never a range, sort or count.
 */
final class EntryStore {

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> samples;

    EntryStore(MongoDatabase db) {
        this.entries = db.getCollection(FeedNames.ENTRIES);
        this.samples = db.getCollection(StoreNames.SAMPLES);
    }

    /** The entries stored under these sequence numbers (a number without an entry is left out). */
    Map<Long, Document> bySeq(long[] seqs) {
        Map<Long, Document> out = new HashMap<>();
        if (seqs.length == 0) {
            return out;
        }
        List<Long> ids = new ArrayList<>(seqs.length);
        for (long s : seqs) {
            ids.add(s);
        }
        for (Document d : entries.find(Filters.in("_id", ids))) {
            out.put(d.getLong("_id"), d);
        }
        return out;
    }

    Optional<Document> byEntryId(String entryId) {
        return Optional.ofNullable(
                entries.find(Filters.eq(FeedNames.ENTRY_ID, entryId)).first());
    }

    /** The message id of the notification a stored sample came from. */
    Optional<String> notificationOfSample(String sampleId) {
        Document d = samples.find(Filters.eq("_id", sampleId))
                .projection(Projections.include(StoreNames.NOTIFICATION_ID))
                .first();
        return d == null ? Optional.empty() : Optional.ofNullable(d.getString(StoreNames.NOTIFICATION_ID));
    }

    /**
     * The commit time of the first entry at or after {@code seq} (up to {@code last}), probing windows of
     * sequence numbers so that a gap is stepped over; empty when there is none.
     */
    Optional<Instant> updatedAtOrAfter(long seq, long last) {
        final int window = 32;
        for (long from = seq; from <= last; from += window) {
            List<Long> ids = new ArrayList<>(window);
            for (long s = from; s <= Math.min(last, from + window - 1); s++) {
                ids.add(s);
            }
            Document first = null;
            for (Document d : entries.find(Filters.in("_id", ids)).projection(Projections.include(FeedNames.UPDATED))) {
                if (first == null || d.getLong("_id") < first.getLong("_id")) {
                    first = d;
                }
            }
            if (first != null) {
                return Optional.of(first.getDate(FeedNames.UPDATED).toInstant());
            }
        }
        return Optional.empty();
    }
}
