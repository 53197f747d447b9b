package io.meterhub.store;

import io.meterhub.model.Translation;

/** Where the {@link BatchingWriter} writes a batch; {@link IngestRepository} is the store's implementation. */
public interface BatchStore {

    /**
     * Writes the batch idempotently and durably.
     *
     * @throws com.mongodb.MongoException when the store did not take it; the writer retries or isolates the item
     */
    WriteOutcome write(WriteBatch batch);

    /**
     * Does ahead what a notification's writing needs that depends on it alone, on the thread that submits it — the
     * broker's consumer threads, several at once — so that the one writer thread has less to do per batch. Writes
     * nothing; what it prepares is used when the notification's batch is written, and recomputed when missing.
     */
    default void prepare(Translation translation) {}
}
