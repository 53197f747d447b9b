package io.meterhub.routes.it;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The real RabbitMQ on 127.0.0.1:5672 (started by bin/meterhub test), with names unique to one test class so that
 * tests never see each other's messages: exchanges {@code <prefix>-nova} ..., the hub's queue {@code <prefix>.q}.
 */
final class Rabbit implements AutoCloseable {

    static final String URI = "amqp://guest:guest@127.0.0.1:5672/";
    static final List<String> SERVICES = List.of(
            "nova",
            "cinder",
            "glance",
            "neutron",
            "keystone",
            "swift",
            "heat",
            "ceilometer",
            "designate",
            "trove",
            "manila",
            "magnum",
            "ironic");

    final String prefix = "it" + UUID.randomUUID().toString().substring(0, 8);
    private final Connection connection;
    private final Channel channel;

    Rabbit() throws Exception {
        ConnectionFactory cf = new ConnectionFactory();
        cf.setUri(URI);
        cf.setVirtualHost("/");
        connection = cf.newConnection("meterhub-it");
        channel = connection.createChannel();
        channel.confirmSelect();
    }

    /** Whether the test's connection and channel are open (the client recovers them after a broker restart). */
    boolean isOpen() {
        return connection.isOpen() && channel.isOpen();
    }

    /** The option value naming this test's exchanges. */
    String exchanges() {
        return String.join(",", SERVICES.stream().map(this::exchange).toList());
    }

    String exchange(String service) {
        return prefix + "-" + service;
    }

    String queue() {
        return prefix + ".q";
    }

    /** This test's dead-letter queue (option dead-queue), so that tests never read each other's dead letters. */
    String deadQueue() {
        return prefix + ".dead";
    }

    /** Publishes persistent JSON messages and waits for the broker's confirms. */
    void publish(String service, String routingKey, byte[]... bodies) throws Exception {
        AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .deliveryMode(2)
                .build();
        for (byte[] body : bodies) {
            channel.basicPublish(exchange(service), routingKey, props, body);
        }
        channel.waitForConfirmsOrDie(30_000);
    }

    /**
     * Publishes one message to {@code exchange} with the mandatory flag and fails unless the broker routed it to a
     * queue (a missing exchange closes the channel; an unbound one returns the message).
     */
    void publishMandatory(String exchange, String routingKey, byte[] body) throws Exception {
        try (Channel c = connection.createChannel()) {
            c.confirmSelect();
            java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
            c.addReturnListener(r -> returned.set(true));
            c.basicPublish(
                    exchange,
                    routingKey,
                    true,
                    new AMQP.BasicProperties.Builder().deliveryMode(2).build(),
                    body);
            c.waitForConfirmsOrDie(10_000);
            if (returned.get()) {
                throw new IllegalStateException("unroutable: no queue bound to " + exchange + " yet");
            }
        }
    }

    /** Takes every message waiting in {@code queue}. */
    List<GetResponse> drain(String queue) throws Exception {
        List<GetResponse> out = new ArrayList<>();
        for (GetResponse r; (r = channel.basicGet(queue, true)) != null; ) {
            out.add(r);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        try (Channel c = connection.createChannel()) {
            c.queueDelete(queue());
            c.queueDelete(deadQueue());
            for (String s : SERVICES) {
                c.exchangeDelete(exchange(s));
            }
        } finally {
            connection.close();
        }
    }
}
