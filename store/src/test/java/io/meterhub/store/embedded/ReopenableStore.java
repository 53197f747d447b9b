package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.meterhub.store.EmbeddedStore;
import java.nio.file.Path;
import org.bson.Document;

/**
 * The embedded store of one directory, spoken to with the real driver, for tests that close it and open it again
 * (each close commits; the next open reads the file).
 */
final class ReopenableStore {

    private final Path dir;
    private EmbeddedStore store;
    private MongoClient client;

    ReopenableStore(Path dir) {
        this.dir = dir;
    }

    void open() {
        store = EmbeddedStore.start(dir, 0);
        client = MongoClients.create(store.connectionString());
    }

    /** Closes the client and the store, if open. */
    void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    MongoCollection<Document> samples() {
        return client.getDatabase("meterhub").getCollection("samples");
    }

    /** The insert fails with MongoDB's duplicate-key error. */
    static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                        ErrorCategory.fromErrorCode(e.getCode()))
                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
