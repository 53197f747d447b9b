package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/** mongo-java-server's H2 backend whose databases keep documents and index keys as BSON ({@link BsonH2Database}). */
public final class BsonH2Backend extends H2Backend {

    public BsonH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }
}
