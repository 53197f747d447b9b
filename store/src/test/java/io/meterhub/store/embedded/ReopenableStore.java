package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.backend.KeyValue;
import io.meterhub.store.DurabilityBarrier;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.StoreNames;
import java.nio.file.Path;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded store of one directory, spoken to with the real driver, for tests that close it and open it again
 * (each close commits; the next open reads the file).
 */
public final class ReopenableStore {

    /** The H2 maps of the samples collection, by the library's names. */
    static final String DATA_MAP = "databases.meterhub.samples";

    static final String ID_INDEX_MAP = "meterhub.samples._index__id_";

    private final Path dir;
    private EmbeddedStore store;
    private MongoClient client;

    public ReopenableStore(Path dir) {
        this.dir = dir;
    }

    public void open() {
        store = EmbeddedStore.start(dir, 0);
        client = MongoClients.create(store.connectionString());
    }

    /** Closes the client and the store, if open. */
    public void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The open store's {@code mongodb://} address. */
    String connectionString() {
        return store.connectionString();
    }

    /** meterhub's database in the open store. */
    public MongoDatabase database() {
        return client.getDatabase(StoreNames.DEFAULT_DATABASE);
    }

    /** The open store's durability barrier. */
    public DurabilityBarrier barrier() {
        return store.barrier();
    }

    MongoCollection<Document> samples() {
        return database().getCollection(StoreNames.SAMPLES);
    }

    /** The insert fails with MongoDB's duplicate-key error. */
    static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(
                        ErrorCategory.fromErrorCode(e.getCode()))
                .isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    /** The store's file opened below the library (the store must be closed). */
    static MVStore openFile(Path dir, boolean readOnly) {
        MVStore.Builder builder =
                new MVStore.Builder().fileName(dir.resolve("store.mv.db").toString());
        return (readOnly ? builder.readOnly() : builder).open();
    }

    /** The samples' documents by position, as stored: holders of their bytes ({@link StoredDocuments}). */
    static MVMap<Object, de.bwaldvogel.mongo.bson.Document> dataMap(MVStore raw) {
        return raw.openMap(
                DATA_MAP,
                new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(BsonDocumentType.INSTANCE));
    }

    /** A unique index's keys and the positions they point at, as stored. */
    static MVMap<KeyValue, Object> indexMap(MVStore raw, String name) {
        return raw.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(KeyValueType.INSTANCE));
    }
}
