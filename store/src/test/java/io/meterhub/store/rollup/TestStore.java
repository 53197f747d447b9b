package io.meterhub.store.rollup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.IngestRepository;
import io.meterhub.store.StoreIndexes;
import io.meterhub.store.StoreNames;
import java.nio.file.Path;
import java.time.Clock;
import org.bson.Document;

/** The real embedded store in a directory, with a driver client and the ingest repository, for rollup tests. */
final class TestStore implements AutoCloseable {

    final EmbeddedStore store;
    final MongoClient client;
    final MongoDatabase db;
    final IngestRepository repository;

    private TestStore(Path dir, Clock clock) {
        store = EmbeddedStore.start(dir, 0);
        client = MongoClients.create(store.connectionString());
        db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
        StoreIndexes.ensure(db);
        repository = new IngestRepository(db, store.barrier(), clock);
    }

    static TestStore open(Path dir) {
        return new TestStore(dir, Clock.systemUTC());
    }

    static TestStore open(Path dir, Clock clock) {
        return new TestStore(dir, clock);
    }

    MongoCollection<Document> collection(String name) {
        return db.getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
