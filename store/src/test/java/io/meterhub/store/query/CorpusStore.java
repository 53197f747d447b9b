package io.meterhub.store.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.IngestRepository;
import io.meterhub.store.StoreIndexes;
import io.meterhub.store.StoreNames;
import io.meterhub.store.WriteBatch;
import io.meterhub.store.WriteOutcome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The real embedded store on a free loopback port, spoken to with the real driver, holding the whole
 * {@link QueryCorpus} written by the real {@link IngestRepository} (so resources exist as the hub makes them).
 */
final class CorpusStore implements AutoCloseable {

    static final Instant RECORDED_AT = Instant.parse("2024-06-01T12:00:00Z");

    private static QueryCorpus corpus;

    private final EmbeddedStore store;
    private final MongoClient client;
    private final MongoDatabase db;

    private CorpusStore(EmbeddedStore store, MongoClient client, MongoDatabase db) {
        this.store = store;
        this.client = client;
        this.db = db;
    }

    static synchronized QueryCorpus corpus() {
        if (corpus == null) {
            corpus = QueryCorpus.load();
        }
        return corpus;
    }

    static CorpusStore open(Path dir) {
        EmbeddedStore store = EmbeddedStore.start(dir, 0);
        MongoClient client = MongoClients.create(store.connectionString());
        MongoDatabase db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
        StoreIndexes.ensure(db);
        WriteOutcome outcome = new IngestRepository(db, store.barrier(), Clock.fixed(RECORDED_AT, ZoneOffset.UTC))
                .write(new WriteBatch(corpus().translations(), List.of()));
        if (!outcome.rejected().isEmpty() || outcome.duplicates() != 0) {
            throw new IllegalStateException("the corpus was not stored as it is: " + outcome);
        }
        return new CorpusStore(store, client, db);
    }

    MongoDatabase db() {
        return db;
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
