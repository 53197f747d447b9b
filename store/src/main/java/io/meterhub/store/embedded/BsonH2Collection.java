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
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        BsonDocumentType.INSTANCE.changed(newDocument);
        super.handleUpdate(position, oldDocument, newDocument);
    }
}
