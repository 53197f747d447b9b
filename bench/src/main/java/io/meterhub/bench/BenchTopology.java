package io.meterhub.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.util.Map;

/**
 * The run's own RabbitMQ objects: a non-durable topic exchange named like an OpenStack service's, and two durable
 * queues bound to it with {@code notifications.*} — one for the raw consumer, one for the hub. Every publish thus
 * lands in both, so both consumers read the same messages.
 */
public final class BenchTopology {

    private static final String BINDING = "notifications.*";

    private final String exchange;
    private final String rawQueue;
    private final String hubQueue;
    private final String deadQueue;

    public BenchTopology(String runId) {
        this.exchange = "bench-" + runId;
        this.rawQueue = "bench." + runId + ".raw";
        this.hubQueue = "bench." + runId + ".hub";
        this.deadQueue = "bench." + runId + ".dead";
    }

    public void declare(Connection connection) throws IOException {
        try (Channel ch = connection.createChannel()) {
            ch.exchangeDeclare(exchange, "topic", false, false, Map.of());
            for (String q : new String[] {rawQueue, hubQueue}) {
                ch.queueDeclare(q, true, false, false, Map.of());
                ch.queueBind(q, exchange, BINDING);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** Messages ready in a queue (not counting unacknowledged ones). */
    public static long depth(Connection connection, String queue) throws IOException {
        try (Channel ch = connection.createChannel()) {
            return ch.queueDeclarePassive(queue).getMessageCount();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** Deletes both queues and the exchange; reports but survives each failure, so the rest still goes. */
    public void delete(Connection connection) {
        for (String q : new String[] {rawQueue, hubQueue, deadQueue}) {
            run(connection, "delete queue " + q, ch -> ch.queueDelete(q));
        }
        run(connection, "delete exchange " + exchange, ch -> ch.exchangeDelete(exchange));
    }

    private interface ChannelAction {
        void apply(Channel ch) throws IOException;
    }

    private static void run(Connection connection, String what, ChannelAction action) {
        try (Channel ch = connection.createChannel()) {
            action.apply(ch);
        } catch (Exception e) {
            System.err.println("bench: cleanup: " + what + " failed: " + e);
        }
    }

    public String exchange() {
        return exchange;
    }

    public String rawQueue() {
        return rawQueue;
    }

    /** The run's own dead-letter queue (the hub declares it; deleted with the rest). */
    public String deadQueue() {
        return deadQueue;
    }

    public String hubQueue() {
        return hubQueue;
    }
}
