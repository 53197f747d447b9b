package io.meterhub.routes;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

/**
 * Declares on RabbitMQ what the hub consumes, the way OpenStack expects: each service's topic exchange declared as
 * oslo.messaging declares it (non-durable, not auto-deleted, so the declarations agree), and the hub's OWN durable
 * queue bound to every exchange with {@code <topic>.*} for each topic — every priority. It never consumes
 * Ceilometer's {@code notifications.info}. Also declares the durable dead-letter queue.
 *
 * <p>As a {@link ConnectionListener} it declares again on every new connection: non-durable exchanges, and so the
 * bindings to them, are gone after a RabbitMQ restart until someone declares them.
 */
public final class RabbitTopology implements ConnectionListener {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitTopology.class);

    private final List<String> exchanges;
    private final List<String> topics;
    private final String queue;
    private final String deadQueue;

    public RabbitTopology(List<String> exchanges, List<String> topics, String queue, String deadQueue) {
        this.exchanges = List.copyOf(exchanges);
        this.topics = List.copyOf(topics);
        this.queue = queue;
        this.deadQueue = deadQueue;
    }

    public void declare(Channel channel) throws IOException {
        channel.queueDeclare(queue, true, false, false, null);
        channel.queueDeclare(deadQueue, true, false, false, null);
        for (String exchange : exchanges) {
            channel.exchangeDeclare(exchange, "topic", false, false, null);
            for (String topic : topics) {
                channel.queueBind(queue, exchange, topic + ".*");
            }
        }
    }

    @Override
    public void onCreate(Connection connection) {
        try (Channel channel = connection.createChannel(false)) {
            declare(channel);
            LOG.info("declared queue {} bound to {} exchanges", queue, exchanges.size());
        } catch (IOException e) {
            throw new UncheckedIOException("declaring the hub's queue and bindings failed", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("declaring the hub's queue and bindings timed out", e);
        }
    }

    public String queue() {
        return queue;
    }
}
