package io.meterhub.feeds;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.meterhub.model.Translation;
import io.meterhub.store.BatchingWriter;
import io.meterhub.store.DurabilityBarrier;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.IngestRepository;
import io.meterhub.store.StoreNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The real embedded store under a directory with the hub's ingest path in front of it: the store writer, the ingest
 * repository and the feeds as its batch contributor. Closing and opening again is a restart.
 */
final class FeedStore implements AutoCloseable {

    final EmbeddedStore store;
    final MongoClient client;
    final MongoDatabase db;
    final Feeds feeds;
    final BatchingWriter writer;

    FeedStore(Path dir, FeedSettings settings) {
        this(dir, settings, b -> b);
    }

    /** @param barrier wraps the store's durability barrier, e.g. to hold a batch before it becomes durable */
    FeedStore(Path dir, FeedSettings settings, UnaryOperator<DurabilityBarrier> barrier) {
        store = EmbeddedStore.start(dir, 0);
        client = MongoClients.create(store.connectionString());
        db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
        feeds = Feeds.open(db, settings, Clock.systemUTC());
        IngestRepository repository =
                new IngestRepository(db, barrier.apply(store.barrier()), Clock.systemUTC(), List.of(feeds.writer()));
        writer = new BatchingWriter(repository, 500, Duration.ofMillis(5), 4000, Clock.systemUTC());
    }

    /** Submits the notifications and waits until all are durable. */
    void ingest(List<Translation> translations) throws Exception {
        List<CompletableFuture<Void>> done = new ArrayList<>(translations.size());
        translations.forEach(t -> done.add(writer.submit(t)));
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        writer.stop(Duration.ofSeconds(30));
        client.close();
        store.close();
    }
}
