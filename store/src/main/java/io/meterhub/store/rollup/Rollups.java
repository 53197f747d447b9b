package io.meterhub.store.rollup;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.meterhub.store.StoreNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the rollups of the samples stored, each sample counted exactly once, also when a write fails halfway or a
 * notification is redelivered. Used by the one writer of the store, one batch at a time:
 *
 * <ol>
 *   <li>{@link #begin} gives the batch the next sequence number {@code J} and records its sample ids in the
 *       {@link RollupJournal} — before any sample is written;
 *   <li>the caller inserts the samples, each carrying {@code rollup_seq = J}; a sample already stored (a redelivery)
 *       keeps the sequence number of the batch that stored it;
 *   <li>{@link #apply} upserts the rollups of the samples this insert stored — not those refused as duplicates or
 *       otherwise — each rollup document recording {@code seq = J} in the same atomic update as its sums.
 * </ol>
 *
 * <p>If anything fails after step 1 (the process dies, the store goes away, the rollup write is cut off), the next
 * batch — after a restart, the first — starts with {@link #recover}: it reads the journal's batch {@code J}, fetches
 * its samples by {@code _id}, keeps those with {@code rollup_seq = J} (exactly the samples that batch inserted),
 * folds them again, and upserts only the rollup documents whose {@code seq} is still below {@code J}. A sample
 * inserted by {@code J} is thereby counted once: either its rollup documents already carry {@code J}, or they get
 * it now. A redelivered notification's samples are duplicates at step 2 and counted by nobody a second time.
 *
 * <p>Every write filters by {@code _id} alone: the embedded store answers only that from an index (any further
 * condition scans the collection), which is why the "already applied" check is a read before the upserts, not a
 * condition inside them. It relies on one writer per store, batches applied in sequence order, and recovery before
 * the next batch; the hub's {@link io.meterhub.store.BatchingWriter} is that writer.
 */
public final class Rollups {

    private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final int KEYS_PER_READ = 1_000;
    private static final Bson SAMPLE_FIELDS = Projections.include(
            "counter_name",
            "counter_unit",
            "counter_volume",
            "timestamp",
            "timestamp_iso",
            "resource_id",
            "project_id",
            "user_id",
            "source",
            StoreNames.ROLLUP_SEQ);

    private final MongoCollection<Document> samples;
    private final MongoCollection<Document> rollups;
    private final RollupJournal journal;
    private final AtomicLong documentsWritten = new AtomicLong();
    private long seq = -1;
    /** Whether the journal's last batch may have rollups missing (at start, and after any failure). */
    private boolean uncertain = true;

    public Rollups(MongoDatabase db) {
        this.samples = db.getCollection(StoreNames.SAMPLES);
        this.rollups = db.getCollection(StoreNames.ROLLUPS);
        this.journal = new RollupJournal(db.getCollection(StoreNames.ROLLUP_JOURNAL));
    }

    /**
     * Completes the rollups of the journal's last batch if a failure may have left them incomplete; a no-op
     * otherwise. Returns the rollup documents it wrote.
     */
    public int recover() {
        if (!uncertain) {
            return 0;
        }
        int written = 0;
        var last = journal.last();
        if (last.isPresent()) {
            seq = Math.max(seq, last.get().seq());
            written = complete(last.get());
        } else {
            seq = Math.max(seq, 0);
        }
        uncertain = false;
        return written;
    }

    private int complete(RollupJournal.Entry entry) {
        RollupFold fold = new RollupFold();
        List<String> ids = entry.sampleIds();
        for (int from = 0; from < ids.size(); from += KEYS_PER_READ) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + KEYS_PER_READ));
            for (Document d : samples.find(Filters.in("_id", chunk)).projection(SAMPLE_FIELDS)) {
                Number insertedBy = d.get(StoreNames.ROLLUP_SEQ, Number.class);
                if (insertedBy != null && insertedBy.longValue() == entry.seq()) {
                    fold.add(RollupInput.of(d));
                }
            }
        }
        Set<String> missing = new HashSet<>(fold.keys());
        missing.removeAll(applied(fold.keys(), entry.seq()));
        if (!missing.isEmpty()) {
            rollups.bulkWrite(fold.models(entry.seq(), missing), UNORDERED);
            documentsWritten.addAndGet(missing.size());
            LOG.warn(
                    "completed the rollups of batch {}: {} of its {} rollup documents were missing",
                    entry.seq(),
                    missing.size(),
                    fold.documents());
        }
        return missing.size();
    }

    /** The keys among {@code keys} whose documents already hold batch {@code seq} (or a later one). */
    private Set<String> applied(Set<String> keys, long seq) {
        Set<String> applied = new HashSet<>();
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KEYS_PER_READ) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + KEYS_PER_READ));
            for (Document d :
                    rollups.find(Filters.in("_id", chunk)).projection(Projections.include(RollupFields.SEQ))) {
                Number s = d.get(RollupFields.SEQ, Number.class);
                if (s != null && s.longValue() >= seq) {
                    applied.add(d.getString("_id"));
                }
            }
        }
        return applied;
    }

    /**
     * Starts a batch: recovers if needed, then records the sample ids the batch is about to insert under the
     * returned sequence number, which every inserted sample must carry in {@code rollup_seq}.
     */
    public long begin(List<String> sampleIds) {
        recover();
        uncertain = true;
        long next = seq + 1;
        if (!sampleIds.isEmpty()) {
            journal.record(next, sampleIds);
        }
        seq = next;
        return next;
    }

    /**
     * Upserts the rollups of the samples batch {@code seq} inserted (the caller leaves out those the store refused,
     * including duplicates); returns the rollup documents written.
     *
     * @throws MongoBulkWriteException when the store refused some upserts; the next {@link #begin} completes them
     */
    public int apply(long seq, RollupFold fold) {
        if (!fold.isEmpty()) {
            rollups.bulkWrite(fold.models(seq), UNORDERED);
            documentsWritten.addAndGet(fold.documents());
        }
        uncertain = false;
        return fold.documents();
    }

    /** Rollup documents upserted so far (each upsert counts one). */
    public long documentsWritten() {
        return documentsWritten.get();
    }
}
