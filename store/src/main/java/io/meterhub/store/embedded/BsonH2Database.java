package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 database with its documents and unique-index keys stored as BSON ({@link BsonDocumentType},
 * {@link IndexKeyType}). It opens each map with those types before the library opens it by name, and H2 hands the
 * library the map already open; collections are {@link BsonH2Collection}s, unique indexes
 * {@link CompactUniqueIndex}es. Map names are the library's own ({@code databases.<db>.<collection>},
 * {@code <db>.<collection>._index_<name>}).
 */
final class BsonH2Database extends H2Database {

    /** The store while the superclass constructor opens the existing collections, before our field is set. */
    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final MVStore store;

    private BsonH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static BsonH2Database open(String name, MVStore store, CursorRegistry cursors) {
        CONSTRUCTING.set(store);
        try {
            return new BsonH2Database(name, store, cursors);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    /** What the library's H2 database opens, with BSON documents and a collection that reports updates. */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> data = store().openMap(
                        "databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
        MVMap<String, Object> meta = store().openMap("meta." + namespace);
        return new BsonH2Collection(this, collectionName, options, data, meta, cursorRegistry);
    }

    /** The library's unique index, over a map with its keys held compact ({@link CompactUniqueIndex}). */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        MVMap<Object, Object> map = store().openMap(
                        getDatabaseName() + "." + collectionName + "._index_" + indexName,
                        new MVMap.Builder<Object, Object>().keyType(IndexKeyType.INSTANCE));
        return new CompactUniqueIndex(map, indexName, keys, sparse);
    }

    private MVStore store() {
        return store != null ? store : CONSTRUCTING.get();
    }
}
