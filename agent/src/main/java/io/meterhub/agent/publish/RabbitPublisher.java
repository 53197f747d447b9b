package io.meterhub.agent.publish;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes to RabbitMQ as Ceilometer's polling agent does through oslo.messaging: to the topic exchange
 * {@code ceilometer} (declared non-durable, as oslo declares it, so that the declarations agree) with routing key
 * {@code notifications.sample}, persistent JSON messages, with publisher confirms. Messages are published
 * {@code mandatory}: RabbitMQ confirms a message no queue takes as readily as a delivered one (after a broker restart,
 * say, before the hub has bound its queue to the exchange again), so a returned message fails the publish and the
 * caller keeps it for a retry; a batch is retried whole, and the hub stores a redelivered sample once. The connection
 * is opened on first use and again after any failure; the client's own automatic recovery is off, since the caller
 * retries.
 */
public final class RabbitPublisher implements Publisher {

    private static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("utf-8")
            .deliveryMode(2)
            .build();

    private final ConnectionFactory factory;
    private final String exchange;
    private final String routingKey;
    private final Duration confirmTimeout;
    private final String description;
    private Connection connection;
    private Channel channel;
    /** Messages returned unroutable on the current channel since the last publish began. */
    private final AtomicInteger returned = new AtomicInteger();

    /**
     * @param uri {@code amqp://user:pass@host:port/vhost}; an empty path is the vhost {@code /}, as in OpenStack's
     *     {@code transport_url}
     * @param exchange the exchange, {@code ceilometer} by default
     * @param routingKey {@code <topic>.sample}, {@code notifications.sample} by default
     * @throws IllegalArgumentException when {@code uri} is not an AMQP URI
     */
    public RabbitPublisher(URI uri, String exchange, String routingKey, Duration confirmTimeout) {
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(uri);
        } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid AMQP URI: " + e.getMessage(), e);
        }
        if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
            factory.setVirtualHost("/");
        }
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, confirmTimeout.toMillis()));
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.confirmTimeout = confirmTimeout;
        this.description = "rabbitmq " + uri.getScheme() + "://" + uri.getHost() + ":" + factory.getPort()
                + " exchange " + exchange + " routing key " + routingKey;
    }

    @Override
    public synchronized void publish(List<byte[]> bodies) throws IOException {
        try {
            Channel ch = channel();
            returned.set(0);
            for (byte[] body : bodies) {
                ch.basicPublish(exchange, routingKey, true, PROPERTIES, body);
            }
            ch.waitForConfirmsOrDie(confirmTimeout.toMillis());
            // RabbitMQ sends basic.return before the confirm, and the client handles both in order
            int unroutable = returned.get();
            if (unroutable > 0) {
                throw new IOException(unroutable + " of " + bodies.size() + " message(s) returned unroutable: no queue"
                        + " is bound to exchange " + exchange + " for " + routingKey + " (yet); kept for a retry");
            }
        } catch (IOException | TimeoutException | RuntimeException e) {
            reset();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
            throw new IOException("interrupted while waiting for confirms", e);
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel == null || !channel.isOpen()) {
            reset();
            connection = factory.newConnection("meterhub-agent");
            channel = connection.createChannel();
            channel.addReturnListener(r -> returned.incrementAndGet());
            channel.exchangeDeclare(exchange, "topic", false, false, null);
            channel.confirmSelect();
        }
        return channel;
    }

    private void reset() {
        if (connection != null) {
            try {
                connection.abort(1000);
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        connection = null;
        channel = null;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(2000);
            } catch (IOException | RuntimeException e) {
                connection.abort(1000);
            }
        }
        connection = null;
        channel = null;
    }
}
