package io.meterhub.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: mongo-java-server with its H2 file backend, listening on a loopback port and spoken to over
 * the MongoDB wire protocol like any MongoDB. Its {@link #barrier()} commits the H2 store in-process, so an
 * acknowledged write survives {@code kill -9} without waiting for H2's background commit.
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
        H2Backend backend = new H2Backend(file.toString());
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
