package io.meterhub.store;

/**
 * An item queued through {@link BatchingWriter#submit(ContributorItem)} for a {@link BatchContributor} rather than
 * for the store's own collections, e.g. an entry posted to a feed. It is written in the writer's next batch, in the
 * writer thread, and its future completes once that batch is durable.
 */
public interface ContributorItem {

    /** A short id for logs, e.g. the posted entry's id. */
    String id();
}
