package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import java.util.function.Consumer;

/**
 * mongo-java-server's request handler, running every request that may change the store ({@link WriteCommands})
 * through a gate: the embedded store's gate keeps a commit from taking its snapshot while such a request runs
 * ({@link BackgroundCommits#command}), so a commit never holds half of one (a document without its index key).
 * Reads run as they come.
 */
final class WriteGatedHandler extends MongoDatabaseHandler {

    private final Consumer<Runnable> writes;

    WriteGatedHandler(MongoBackend backend, ChannelGroup clients, Consumer<Runnable> writes) {
        super(backend, clients);
        this.writes = writes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientRequest request) {
        if (WriteCommands.writes(request)) {
            writes.accept(() -> super.channelRead0(ctx, request));
        } else {
            super.channelRead0(ctx, request);
        }
    }
}
