package io.meterhub.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded store's listener: mongo-java-server's own channel handlers, as its {@code MongoServer} sets them up,
 * with {@link InsertBytesDecoder} as the wire decoder and every request that may write run through a gate
 * ({@link WriteGatedHandler}). {@code MongoServer} builds its pipeline inside {@code bind},
 * so there is no other way to give it another decoder. Unlike {@code MongoServer} it leaves the backend open when it
 * closes: its owner ({@code EmbeddedStore}) finishes the commits in flight and commits once more before closing it.
 */
public final class StoreServer implements AutoCloseable {

    private static final int SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup clients;
    private final Channel listening;

    private StoreServer(EventLoopGroup boss, EventLoopGroup workers, ChannelGroup clients, Channel listening) {
        this.boss = boss;
        this.workers = workers;
        this.clients = clients;
        this.listening = listening;
    }

    /** Listens on {@code address} (port 0: any free port) for clients of {@code backend}, with no gate. */
    public static StoreServer bind(MongoBackend backend, InetSocketAddress address) {
        return bind(backend, address, Runnable::run);
    }

    /**
     * Listens on {@code address} (port 0: any free port) for clients of {@code backend}, running each request that
     * may change the store through {@code writes} ({@link BackgroundCommits#command}).
     */
    public static StoreServer bind(MongoBackend backend, InetSocketAddress address, Consumer<Runnable> writes) {
        EventLoopGroup boss = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
        EventLoopGroup workers = new NioEventLoopGroup(0, new MongoThreadFactory("mongo-server-worker"));
        ChannelGroup clients = new DefaultChannelGroup("meterhub-store-clients", workers.next());
        try {
            Channel listening = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .localAddress(address)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        public void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast(new MongoWireReplyEncoder())
                                    .addLast(new MongoWireMessageEncoder())
                                    .addLast(new InsertBytesDecoder())
                                    .addLast(new WriteGatedHandler(backend, clients, writes))
                                    .addLast(new MongoExceptionHandler());
                        }
                    })
                    .bind()
                    .syncUninterruptibly()
                    .channel();
            return new StoreServer(boss, workers, clients, listening);
        } catch (RuntimeException e) {
            shutDown(boss, workers);
            throw e;
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** Stops listening, closes the clients' connections and stops the threads; the backend stays open. */
    @Override
    public void close() {
        listening.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        shutDown(boss, workers);
    }

    private static void shutDown(EventLoopGroup boss, EventLoopGroup workers) {
        boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        boss.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
