package io.meterhub.store;

import io.meterhub.model.Translation;
import java.util.Set;

/**
 * Writes further documents as part of every batch {@link IngestRepository} writes, in the writer thread, after the
 * batch's own documents and before its durability barrier — so they are made durable with the batch and the broker
 * messages behind it are acknowledged only after they are. The feeds' entries and their sequence are the first
 * contributor. A contributor's writes must be idempotent: a failed batch is written again, whole or item by item.
 */
public interface BatchContributor {

    /**
     * Writes this contributor's documents for {@code batch}.
     *
     * @param batch the batch, including the {@link ContributorItem}s queued for contributors
     * @param rejected message ids of the batch's notifications the store refused for good; they become dead letters
     * @return what to do once the batch is durable (e.g. publish it to readers); runs on the thread that completes the
     *     batch's durability barrier (the embedded store's commit thread, or the writer), after the follow-ups of
     *     the batches before it
     * @throws com.mongodb.MongoException when the store did not take the documents; the batch is written again
     */
    Runnable contribute(WriteBatch batch, Set<String> rejected);

    /**
     * Prepares this contributor's part for one notification ahead of its batch, on the submitting thread (see
     * {@link BatchStore#prepare}); writes nothing.
     */
    default void prepare(Translation translation) {}
}
