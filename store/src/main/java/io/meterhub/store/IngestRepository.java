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
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Writes batches idempotently: unordered inserts whose {@code _id}s derive from the input, so a duplicate key is a
 * redelivery and counts as success; resource updates that can be replayed; then the durability barrier. A
 * {@link com.mongodb.MongoException} other than per-document rejections propagates, and the caller retries the
 * whole batch.
 */
public final class IngestRepository implements BatchStore {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    /** Write their documents with each batch, before its barrier; their follow-ups run after it. */
    private final List<BatchContributor> contributors;

    private final MongoCollection<Document> samples;
    private final MongoCollection<Document> events;
    private final MongoCollection<Document> resources;
    private final MongoCollection<Document> deadLetters;
    private final DurabilityBarrier barrier;
    private final Clock clock;

    public IngestRepository(MongoDatabase db, DurabilityBarrier barrier, Clock clock) {
        this(db, barrier, clock, List.of());
    }

    /** @param contributors write their documents with every batch, in this order */
    public IngestRepository(
            MongoDatabase db, DurabilityBarrier barrier, Clock clock, List<BatchContributor> contributors) {
        this.samples = db.getCollection(StoreNames.SAMPLES);
        this.events = db.getCollection(StoreNames.EVENTS);
        this.resources = db.getCollection(StoreNames.RESOURCES);
        this.deadLetters = db.getCollection(StoreNames.DEAD_LETTERS);
        this.barrier = barrier;
        this.clock = clock;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public WriteOutcome write(WriteBatch batch) {
        Instant now = clock.instant();
        List<Document> sampleDocs = new ArrayList<>();
        List<String> sampleOwners = new ArrayList<>();
        List<Document> eventDocs = new ArrayList<>();
        List<String> eventOwners = new ArrayList<>();
        ResourceUpdates resourceUpdates = new ResourceUpdates();
        for (Translation t : batch.translations()) {
            String id = t.source().messageId();
            for (Sample s : t.samples()) {
                sampleDocs.add(DocumentMapper.sample(s, id, now));
                sampleOwners.add(id);
                resourceUpdates.add(s);
            }
            for (Event e : t.events()) {
                eventDocs.add(DocumentMapper.event(e, now));
                eventOwners.add(id);
            }
        }
        List<Document> deadDocs =
                batch.deadLetters().stream().map(DocumentMapper::deadLetter).toList();
        List<String> deadOwners =
                batch.deadLetters().stream().map(DeadLetter::id).toList();

        Map<String, String> rejected = new HashMap<>();
        int duplicates = insert(samples, sampleDocs, sampleOwners, rejected)
                + insert(events, eventDocs, eventOwners, rejected)
                + insert(deadLetters, deadDocs, deadOwners, rejected);
        List<WriteModel<Document>> updates = resourceUpdates.models();
        if (!updates.isEmpty()) {
            resources.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        }
        List<Runnable> afterDurable = new ArrayList<>(contributors.size());
        for (BatchContributor c : contributors) {
            afterDurable.add(c.contribute(batch, rejected.keySet()));
        }
        barrier.sync();
        afterDurable.forEach(Runnable::run);
        return new WriteOutcome(sampleDocs.size() + eventDocs.size() + deadDocs.size(), duplicates, rejected);
    }

    /** Inserts and returns how many documents already existed; records documents refused for good. */
    private static int insert(
            MongoCollection<Document> collection,
            List<Document> docs,
            List<String> owners,
            Map<String, String> rejected) {
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
