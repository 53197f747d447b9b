package io.meterhub.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.meterhub.store.embedded.BackgroundCommits;
import io.meterhub.store.embedded.BsonH2Backend;
import io.meterhub.store.embedded.StoreFile;
import io.meterhub.store.embedded.StoreServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: mongo-java-server with its H2 file backend, listening on a loopback port and spoken to over
 * the MongoDB wire protocol like any MongoDB. Documents and unique-index keys are kept in H2 as BSON
 * ({@link BsonH2Backend}), which makes each write several times cheaper than the library's Java serialization; an
 * inserted document is stored as the bytes it arrived in ({@link StoreServer}). H2's
 * background auto-commit is off: only {@link #barrier()} commits, in-process, after each batch, so an acknowledged
 * write survives {@code kill -9} and a crash never leaves a half-applied insert on disk. The commits run on a thread
 * of their own ({@link BackgroundCommits}): the writer goes on with the next batch while a commit is written out, and
 * the batches written meanwhile are made durable together by the next commit. Writes made outside the hub's writer
 * (the API's, index creation) are never cut in half by a commit ({@link BackgroundCommits#command}) and are committed
 * with the next batch or at close.
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    static final String FILE_NAME = "store.mv.db";

    private final H2Backend backend;
    private final BackgroundCommits commits;
    private final StoreServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(H2Backend backend, BackgroundCommits commits, StoreServer server, InetSocketAddress address) {
        this.backend = backend;
        this.commits = commits;
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
        StoreFile opened = StoreFile.open(file);
        H2Backend backend = new BsonH2Backend(opened.store());
        BackgroundCommits commits = new BackgroundCommits(opened.store(), opened.file());
        StoreServer server;
        try {
            server = StoreServer.bind(backend, new InetSocketAddress("127.0.0.1", port), commits::command);
        } catch (RuntimeException e) {
            commits.close();
            backend.close();
            throw e;
        }
        InetSocketAddress address = server.address();
        LOG.info("embedded store {} listening on {}", file, address);
        return new EmbeddedStore(backend, commits, server, address);
    }

    /** The address as a connection string, e.g. {@code mongodb://127.0.0.1:40123}. */
    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    /**
     * Commits everything written so far to the H2 file: {@code sync} before it returns, {@code start} on the commit
     * thread, returning once the commit has taken its snapshot, or at once within {@code writing}, whose writes no
     * snapshot cuts in half; batches started while a commit runs are made durable together by the next one.
     */
    public DurabilityBarrier barrier() {
        return new DurabilityBarrier() {
            @Override
            public void sync() {
                if (commits.isWritingHere()) {
                    throw new IllegalStateException(
                            "sync() within writing(): the commit it waits for cannot begin before the writes end");
                }
                DurabilityBarrier.await(commits.start());
            }

            @Override
            public CompletableFuture<Void> start() {
                return commits.start();
            }

            @Override
            public <T> T writing(Supplier<T> writes) {
                return commits.writing(writes);
            }
        };
    }

    @Override
    public void close() {
        server.close();
        commits.close(); // the commits asked for first
        backend.commit();
        backend.close();
    }
}
