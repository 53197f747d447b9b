package io.meterhub.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.meterhub.store.embedded.BsonH2Backend;
import io.meterhub.store.embedded.ReusingFileStore;
import io.meterhub.store.embedded.StoreFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: mongo-java-server with its H2 file backend, listening on a loopback port and spoken to over
 * the MongoDB wire protocol like any MongoDB. Documents and unique-index keys are kept in H2 as BSON
 * ({@link BsonH2Backend}), which makes each write several times cheaper than the library's Java serialization. H2's background auto-commit is off: only {@link #barrier()} commits,
 * in-process, after each batch, so an acknowledged write survives {@code kill -9} and a crash never leaves a
 * half-applied insert on disk. Writes made outside the hub's writer (index creation) are committed with the next
 * batch or at close.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    static final String FILE_NAME = "store.mv.db";

    private final H2Backend backend;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(H2Backend backend, MongoServer server, InetSocketAddress address) {
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) the store under {@code dataDir} and listens on 127.0.0.1:{@code port} (0 = any free port). */
    public static EmbeddedStore start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory " + dataDir, e);
        }
        Path file = dataDir.resolve(FILE_NAME);
        // No background auto-commit: H2 would persist whatever state the maps are in every second, also halfway
        // through an insert (document stored, its _id index entry not yet), and after kill -9 the store would refuse
        // that _id forever. Only the barrier commits, between batches, where the store is consistent.
        // For the same reason no store when unsaved changes pass H2's write buffer (autoCommitBufferSize 0): that
        // one runs inside whichever write crosses the limit, again possibly halfway through an insert, and it wrote
        // the pages a batch touches several times over before the barrier wrote them once more.
        ReusingFileStore fileStore = new ReusingFileStore();
        fileStore.open(file.toString(), false, null);
        MVStore mvStore;
        try {
            mvStore = new MVStore.Builder()
                    .adoptFileStore(fileStore) // from here on the MVStore closes it
                    .autoCommitDisabled()
                    .autoCommitBufferSize(0)
                    .open();
        } catch (RuntimeException e) {
            fileStore.close();
            throw e;
        }
        try {
            StoreFormat.check(mvStore, file);
        } catch (RuntimeException e) {
            mvStore.closeImmediately();
            throw e;
        }
        H2Backend backend = new BsonH2Backend(mvStore);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        LOG.info("embedded store {} listening on {}", file, address);
        return new EmbeddedStore(backend, server, address);
    }

    /** The address as a connection string, e.g. {@code mongodb://127.0.0.1:40123}. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /** Commits everything written so far to the H2 file. */
    public DurabilityBarrier barrier() {
        return backend::commit;
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.commit();
        backend.close();
    }
}
