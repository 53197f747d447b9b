package io.meterhub.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * mongo-java-server with its memory backend in the benchmark's JVM, on a loopback port: what the hub's pipeline does
 * when the store costs (almost) nothing. Not durable; only for comparing with the H2 file store.
 */
final class MemoryStore implements AutoCloseable {

    private final MongoServer server;
    private final String uri;

    private MemoryStore(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    static MemoryStore start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        return new MemoryStore(server, "mongodb://127.0.0.1:" + address.getPort());
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
