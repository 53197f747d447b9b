package io.meterhub.store;

import io.meterhub.model.Translation;
import java.util.concurrent.CompletableFuture;

/** Where the {@link BatchingWriter} writes a batch; {@link IngestRepository} is the store's implementation. */
public interface BatchStore {

    /**
     * Writes the batch idempotently and durably.
     *
     * @throws com.mongodb.MongoException when the store did not take it; the writer retries or isolates the item
     */
    WriteOutcome write(WriteBatch batch);

    /**
     * Writes the batch idempotently and starts making it durable; returns once the next batch may be written, with
     * the batch's outcome and a future that completes when it is durable (exceptionally when that failed: its
     * writes may be lost, and writing it again is safe). By default it is durable when this returns.
     *
     * @throws com.mongodb.MongoException when the store did not take it, as {@link #write}
     */
    default Started start(WriteBatch batch) {
        return new Started(write(batch), CompletableFuture.completedFuture(null));
    }

    /** A batch the store took: its outcome, and when it is durable. */
    record Started(WriteOutcome outcome, CompletableFuture<Void> durable) {}

    /**
     * Does ahead what a notification's writing needs that depends on it alone, on the thread that submits it — the
     * broker's consumer threads, several at once — so that the one writer thread has less to do per batch. Writes
     * nothing; what it prepares is used when the notification's batch is written, and recomputed when missing.
     */
    default void prepare(Translation translation) {}
}
