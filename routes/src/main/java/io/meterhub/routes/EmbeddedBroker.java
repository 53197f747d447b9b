package io.meterhub.routes;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded ActiveMQ Artemis broker of standalone mode: AMQP 1.0 on a loopback port, persistent journal under
 * the data directory, with the hub's ingest and dead-letter queues declared durable.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String ACCEPTOR = "amqp";

    private final EmbeddedActiveMQ server;
    private final int port;

    private EmbeddedBroker(EmbeddedActiveMQ server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedBroker start(Path dir, int port, String deadQueue) throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName("meterhub")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAcceptorConfiguration(ACCEPTOR, "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                .addQueueConfiguration(QueueConfiguration.of(HubNames.AMQP_INGEST_QUEUE)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true))
                .addQueueConfiguration(QueueConfiguration.of(deadQueue)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true))
                // what the broker itself gives up on (10 failed deliveries, expiry) also ends in the dead queue
                .addAddressSetting(
                        "#",
                        new AddressSettings()
                                .setDeadLetterAddress(SimpleString.of(deadQueue))
                                .setExpiryAddress(SimpleString.of(deadQueue))
                                .setMaxDeliveryAttempts(10));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        NettyAcceptor acceptor =
                (NettyAcceptor) server.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR);
        return new EmbeddedBroker(server, acceptor.getActualPort());
    }

    public int port() {
        return port;
    }

    /** The AMQP 1.0 address, e.g. {@code amqp://127.0.0.1:5673}. */
    public String address() {
        return "amqp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
