package io.meterhub.feeds.write;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import io.meterhub.feeds.CommittedSequence;
import io.meterhub.feeds.FeedNames;
import io.meterhub.feeds.FeedSettings;
import io.meterhub.model.Translation;
import io.meterhub.store.BatchContributor;
import io.meterhub.store.RawDocuments;
import io.meterhub.store.WriteBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.RawBsonDocument;

/**
 * Writes the feed entries of each batch, in the store writer's thread, as part of the batch: every stored
 * notification and every posted entry becomes one entry document keyed by the next sequence number, so sequence order
 * is commit order. Per batch, in this order: the state document reserving the batch's sequence numbers; the category
 * postings; the entries. An entry therefore never exists before its postings, and none exists above the reserved
 * number. After the batch's durability barrier the {@link CommittedSequence} rises to the reserved number, and only
 * then do readers see the batch.
 *
 * <p>A notification whose entry exists already (a redelivery, or a batch written again after a failure) gets no second
 * one, and a posted entry whose id is taken is a duplicate: {@link BatchEntries} looks them up first.
 */
public final class FeedWriter implements BatchContributor {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);
    private static final Runnable NOTHING = () -> {};

    private final MongoCollection<RawBsonDocument> entries;
    private final FeedState state;
    private final PostingsWriter postings;
    private final BatchEntries batchEntries;
    private final CommittedSequence committed;
    private final Clock clock;
    private long next;
    private Instant lastUpdated;

    private final AtomicLong entriesWritten = new AtomicLong();
    private final AtomicLong postingsWritten = new AtomicLong();

    /** Resumes the sequence after the highest one the store has handed out; {@code committed} starts there too. */
    public FeedWriter(MongoDatabase db, FeedSettings settings, Clock clock, CommittedSequence committed) {
        this.entries = db.getCollection(FeedNames.ENTRIES, RawBsonDocument.class);
        this.state = new FeedState(db.getCollection(FeedNames.STATE));
        this.postings = new PostingsWriter(db.getCollection(FeedNames.POSTINGS));
        this.batchEntries = new BatchEntries(db.getCollection(FeedNames.ENTRIES), settings);
        this.committed = committed;
        this.clock = clock;
        FeedState.Snapshot s = state.read();
        this.next = s.reserved() + 1;
        this.lastUpdated = s.updated();
        committed.raiseTo(s.reserved());
    }

    /** Renders the notification's entry on the submitting thread; the batch then only numbers and writes it. */
    @Override
    public void prepare(Translation translation) {
        batchEntries.prepare(translation);
    }

    @Override
    public Runnable contribute(WriteBatch batch, Set<String> rejected) {
        Instant now = clock.instant();
        BatchEntries.Sorted sorted = batchEntries.sort(batch, rejected, now);
        List<NewEntry> fresh = sorted.fresh();
        Map<PostedEntry, Long> created = sorted.created();
        List<PostedEntry> duplicates = sorted.duplicates();
        long reserved = next - 1;
        if (!fresh.isEmpty()) {
            Instant updated = now.isAfter(lastUpdated) ? now : lastUpdated;
            lastUpdated = updated;
            reserved = next + fresh.size() - 1;
            state.write(reserved, updated);
            Map<String, List<Long>> seqsByTerm = new LinkedHashMap<>();
            List<RawBsonDocument> docs = new ArrayList<>(fresh.size());
            for (NewEntry e : fresh) {
                long seq = next++;
                e.categories().forEach(t -> seqsByTerm
                        .computeIfAbsent(t, k -> new ArrayList<>())
                        .add(seq));
                docs.add(RawDocuments.prepend(e.body(), "_id", seq, FeedNames.UPDATED, updated));
                if (e.posted() != null) {
                    created.put(e.posted(), seq);
                }
            }
            postingsWritten.addAndGet(postings.write(seqsByTerm));
            insert(docs, fresh, created, duplicates);
            entriesWritten.addAndGet(docs.size());
        } else if (created.isEmpty() && duplicates.isEmpty()) {
            return NOTHING;
        }
        long visible = reserved;
        return () -> {
            committed.raiseTo(visible);
            created.forEach((p, seq) -> p.outcome().stored(seq));
            duplicates.forEach(p -> p.outcome().duplicate());
        };
    }

    /**
     * Inserts the new entries. A duplicate id here means another writer stored it since the look-up; it counts as
     * stored (a posted entry: as a duplicate). Any other refusal propagates, and the batch is written again.
     */
    private void insert(
            List<RawBsonDocument> docs,
            List<NewEntry> fresh,
            Map<PostedEntry, Long> created,
            List<PostedEntry> duplicates) {
        try {
            entries.insertMany(docs, UNORDERED);
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            for (BulkWriteError error : e.getWriteErrors()) {
                PostedEntry p = fresh.get(error.getIndex()).posted();
                if (p != null) {
                    created.remove(p);
                    duplicates.add(p);
                }
            }
        }
    }

    /** Entries made ahead on the submitting threads that no batch has taken yet. */
    public int entriesPrepared() {
        return batchEntries.preparedCount();
    }

    /** Entry documents written so far. */
    public long entriesWritten() {
        return entriesWritten.get();
    }

    /** Postings documents written so far (one per category and block a batch touched). */
    public long postingsWritten() {
        return postingsWritten.get();
    }
}
