package io.meterhub.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Event;
import io.meterhub.model.LastEncoding;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.store.rollup.RollupFold;
import io.meterhub.store.rollup.RollupInput;
import io.meterhub.store.rollup.Rollups;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Writes batches idempotently: unordered inserts whose {@code _id}s derive from the input, so a duplicate key is a
 * redelivery and counts as success; the rollups of the samples this batch stored (not of duplicates), exactly once
 * also across failures ({@link Rollups}); resource updates that can be replayed; then the durability barrier, which
 * may complete while the next batch is written ({@link #start}). A
 * {@link com.mongodb.MongoException} other than per-document rejections propagates, and the caller retries the
 * whole batch. One instance is the store's only writer; {@link #exclusive} lets maintenance (the expirer) run a
 * step between two batches.
 */
public final class IngestRepository implements BatchStore {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    /** Write their documents with each batch, before its barrier; their follow-ups run after it. */
    private final List<BatchContributor> contributors;

    private final MongoCollection<RawBsonDocument> samples;
    private final MongoCollection<RawBsonDocument> events;
    private final MongoCollection<Document> resources;
    private final MongoCollection<Document> deadLetters;
    private final Rollups rollups;
    private final DurabilityBarrier barrier;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final PreparedByNotification<Encoded> prepared = new PreparedByNotification<>();

    /** A notification's sample and event documents, encoded; samples still without their batch's rollup_seq. */
    private record Encoded(List<RawBsonDocument> samples, List<RawBsonDocument> events) {}

    public IngestRepository(MongoDatabase db, DurabilityBarrier barrier, Clock clock) {
        this(db, barrier, clock, List.of());
    }

    /** @param contributors write their documents with every batch, in this order */
    public IngestRepository(
            MongoDatabase db, DurabilityBarrier barrier, Clock clock, List<BatchContributor> contributors) {
        this.samples = db.getCollection(StoreNames.SAMPLES, RawBsonDocument.class);
        this.events = db.getCollection(StoreNames.EVENTS, RawBsonDocument.class);
        this.resources = db.getCollection(StoreNames.RESOURCES);
        this.deadLetters = db.getCollection(StoreNames.DEAD_LETTERS);
        this.rollups = new Rollups(db);
        this.barrier = barrier;
        this.clock = clock;
        this.contributors = List.copyOf(contributors);
    }

    /** Encodes the notification's documents on the submitting thread, and lets each contributor prepare its part. */
    @Override
    public void prepare(Translation translation) {
        prepared.put(translation, encode(translation, clock.instant()));
        for (BatchContributor c : contributors) {
            c.prepare(translation);
        }
    }

    /** Documents encoded ahead that no batch has taken yet. */
    public int preparedCount() {
        return prepared.size();
    }

    private static Encoded encode(Translation t, Instant recordedAt) {
        String id = t.source().messageId();
        List<RawBsonDocument> sampleDocs = new ArrayList<>(t.samples().size());
        LastEncoding<byte[]> metadata = IngestBson.metadata();
        for (Sample s : t.samples()) {
            sampleDocs.add(IngestBson.sample(s, id, recordedAt, metadata));
        }
        List<RawBsonDocument> eventDocs = new ArrayList<>(t.events().size());
        for (Event e : t.events()) {
            eventDocs.add(IngestBson.event(e, recordedAt));
        }
        return new Encoded(sampleDocs, eventDocs);
    }

    /** Writes the batch and returns once it is durable and the contributors' follow-ups ran. */
    @Override
    public WriteOutcome write(WriteBatch batch) {
        Started started = start(batch);
        DurabilityBarrier.await(started.durable());
        return started.outcome();
    }

    /**
     * Writes the batch and starts its durability barrier ({@link DurabilityBarrier#start}): returns once the next
     * batch may be written. The future completes after the barrier, once the contributors' follow-ups ran; the
     * follow-ups of one batch run after those of the batches started before it.
     */
    @Override
    public Started start(WriteBatch batch) {
        lock.lock();
        try {
            return barrier.writing(() -> startLocked(batch));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code step} while no batch is being written (a maintenance step that must not interleave with one), as
     * writes no commit cuts in half ({@link DurabilityBarrier#writing}): it must not call {@code sync} itself.
     */
    public void exclusive(Runnable step) {
        lock.lock();
        try {
            barrier.writing(() -> {
                step.run();
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    /**
     * Completes the rollups of a batch a failure or crash left incomplete; the first write does it anyway, this
     * does it at start-up. Returns the rollup documents written.
     */
    public int recoverRollups() {
        lock.lock();
        try {
            int written = barrier.writing(rollups::recover);
            barrier.sync();
            return written;
        } finally {
            lock.unlock();
        }
    }

    /** The rollup documents upserted so far. */
    public long rollupDocumentsWritten() {
        return rollups.documentsWritten();
    }

    private Started startLocked(WriteBatch batch) {
        Instant now = clock.instant();
        List<RawBsonDocument> sampleDocs = new ArrayList<>();
        List<String> sampleIds = new ArrayList<>();
        List<String> sampleOwners = new ArrayList<>();
        List<RollupInput> sampleInputs = new ArrayList<>();
        List<RawBsonDocument> eventDocs = new ArrayList<>();
        List<String> eventOwners = new ArrayList<>();
        ResourceUpdates resourceUpdates = new ResourceUpdates();
        for (Translation t : batch.translations()) {
            String id = t.source().messageId();
            Encoded encoded = prepared.take(t);
            if (encoded == null) {
                encoded = encode(t, now);
            }
            sampleDocs.addAll(encoded.samples());
            eventDocs.addAll(encoded.events());
            for (Sample s : t.samples()) {
                sampleIds.add(s.messageId());
                sampleOwners.add(id);
                sampleInputs.add(RollupInput.of(s));
                resourceUpdates.add(s);
            }
            for (int i = 0; i < t.events().size(); i++) {
                eventOwners.add(id);
            }
        }
        List<Document> deadDocs =
                batch.deadLetters().stream().map(DocumentMapper::deadLetter).toList();
        List<String> deadOwners =
                batch.deadLetters().stream().map(DeadLetter::id).toList();

        long seq = rollups.begin(sampleIds);
        sampleDocs.replaceAll(d -> RawDocuments.appendInt64(d, StoreNames.ROLLUP_SEQ, seq));
        Map<String, String> rejected = new HashMap<>();
        Set<Integer> samplesNotInserted = new HashSet<>();
        int duplicates = insert(samples, sampleDocs, sampleOwners, rejected, samplesNotInserted);
        RollupFold fold = new RollupFold();
        for (int i = 0; i < sampleInputs.size(); i++) {
            if (!samplesNotInserted.contains(i)) {
                fold.add(sampleInputs.get(i));
            }
        }
        rollups.apply(seq, fold);
        duplicates += insert(events, eventDocs, eventOwners, rejected, new HashSet<>())
                + insert(deadLetters, deadDocs, deadOwners, rejected, new HashSet<>());
        List<WriteModel<Document>> updates = resourceUpdates.models();
        if (!updates.isEmpty()) {
            resources.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
        List<Runnable> afterDurable = new ArrayList<>(contributors.size());
        for (BatchContributor c : contributors) {
            afterDurable.add(c.contribute(batch, rejected.keySet()));
        }
        CompletableFuture<Void> durable = barrier.start().thenRun(() -> afterDurable.forEach(Runnable::run));
        return new Started(
                new WriteOutcome(sampleDocs.size() + eventDocs.size() + deadDocs.size(), duplicates, rejected),
                durable);
    }

    /**
     * Inserts and returns how many documents already existed; records documents refused for good, and the index of
     * every document this insert did not store (duplicate or refused) in {@code notInserted}.
     */
    private static <T> int insert(
            MongoCollection<T> collection,
            List<T> docs,
            List<String> owners,
            Map<String, String> rejected,
            Set<Integer> notInserted) {
        if (docs.isEmpty()) {
            return 0;
        }
        try {
            collection.insertMany(docs, UNORDERED);
            return 0;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                throw e;
            }
            int duplicates = 0;
            for (BulkWriteError error : e.getWriteErrors()) {
                notInserted.add(error.getIndex());
                if (ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    duplicates++;
                } else {
                    rejected.putIfAbsent(
                            owners.get(error.getIndex()),
                            collection.getNamespace().getCollectionName() + ": " + error.getMessage());
                }
            }
            return duplicates;
        }
    }
}
