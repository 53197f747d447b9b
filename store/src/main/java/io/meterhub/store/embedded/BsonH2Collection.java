package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, told when a stored document changes: the library updates a stored document in
 * place and then puts that same instance back, so the bytes {@link BsonDocumentType} keeps for it must go first.
 *
 * <p>It keeps no running data size: the library encodes every inserted document once more only to count its bytes
 * (twice for every update) and writes the sum to the collection's metadata map each time — a tenth of the store
 * server's time at ingest, for a figure only {@code collStats}/{@code dbStats} report (as 0 here). Nothing in
 * meterhub reads it.
 */
final class BsonH2Collection extends H2Collection {

    BsonH2Collection(
            MongoDatabase database,
            String name,
            CollectionOptions options,
            MVMap<Object, Document> data,
            MVMap<String, Object> meta,
            CursorRegistry cursors) {
        super(database, name, options, data, meta, cursors);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        BsonDocumentType.INSTANCE.changed(newDocument);
        super.handleUpdate(position, oldDocument, newDocument);
    }
}
