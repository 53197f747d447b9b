package io.meterhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.meterhub.feeds.FeedSettings;
import io.meterhub.feeds.Feeds;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Translation;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.StoreNames;
import io.meterhub.store.WriteBatch;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills an embedded store with feed entries through the feeds' own write path ({@code FeedWriter} as the store
 * writer calls it: state, postings, entries, then the H2 commit and the high-water mark), batches of
 * {@value #BATCH}, real corpus notifications with fresh ids translated by the real mediation. Samples, events and
 * resources are not written: they play no part in reading a feed, and would only make the fill slower.
 */
final class FeedFill {

    static final int BATCH = 500;

    /** What a fill did: entries in the store afterwards, and how long the new ones took. */
    record Result(long entries, long added, Measurement measurement, long postingsDocuments) {}

    private FeedFill() {}

    /** Adds entries until the store under {@code storeDir} holds {@code n}; reports progress to standard error. */
    static Result fill(Path storeDir, Corpus corpus, FeedSettings settings, long n) throws Exception {
        EnvelopeDecoder decoder = new EnvelopeDecoder(Integer.MAX_VALUE - 8);
        NotificationTranslator translator = Translators.create(MediationSettings.defaults());
        EmbeddedStore store = EmbeddedStore.start(storeDir, 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            Feeds feeds = Feeds.open(client.getDatabase(StoreNames.DEFAULT_DATABASE), settings, Clock.systemUTC());
            long before = feeds.committed().get();
            long start = System.nanoTime();
            long lastReport = start;
            long i = before;
            while (feeds.committed().get() < n) {
                List<Translation> batch = new ArrayList<>(BATCH);
                while (batch.size() < Math.min(BATCH, n - feeds.committed().get())) {
                    try {
                        batch.add(translator.translate(
                                decoder.decode(corpus.message(i++).body())));
                    } catch (RejectedMessageException e) {
                        // the corpus's few malformed timestamps: the hub dead-letters them, no entry
                    }
                }
                Runnable durable = feeds.writer().contribute(new WriteBatch(batch, List.of()), Set.of());
                store.barrier().sync();
                durable.run();
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.err.printf(
                            "bench: %d entries (%.0f/s)%n",
                            feeds.committed().get(), (feeds.committed().get() - before) / ((lastReport - start) / 1e9));
                }
            }
            long added = feeds.committed().get() - before;
            return new Result(
                    feeds.committed().get(),
                    added,
                    Measurement.since(added, start),
                    feeds.writer().postingsWritten());
        } finally {
            store.close();
        }
    }
}
