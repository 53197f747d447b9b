package io.meterhub.store;

/** Where the {@link BatchingWriter} writes a batch; {@link IngestRepository} is the store's implementation. */
public interface BatchStore {

    /**
     * Writes the batch idempotently and durably.
     *
     * @throws com.mongodb.MongoException when the store did not take it; the writer retries or isolates the item
     */
    WriteOutcome write(WriteBatch batch);
}
