package io.meterhub.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Run in a child JVM by {@link IngestRepositoryIT}: writes one batch through the repository with the store's barrier,
 * then halts the JVM as {@code kill -9} would, without closing the client or the store.
 */
public final class CrashAfterWrite {

    static final int HALTED = 42;

    private CrashAfterWrite() {}

    public static void main(String[] args) {
        EmbeddedStore store = EmbeddedStore.start(Path.of(args[0]), 0);
        MongoClient client = MongoClients.create(store.connectionString());
        IngestRepository repository = new IngestRepository(
                client.getDatabase(StoreNames.DEFAULT_DATABASE), store.barrier(), Clock.systemUTC());
        repository.write(new WriteBatch(
                List.of(Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END))), List.of()));
        Runtime.getRuntime().halt(HALTED);
    }
}
