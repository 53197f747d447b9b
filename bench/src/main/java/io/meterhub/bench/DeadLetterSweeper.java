package io.meterhub.bench;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Removes the run's own dead letters from the hub's dead-letter queue, which is shared with everything else that runs
 * a hub on this RabbitMQ (the hub does not let its name be configured). A dead letter is the run's when its
 * {@code MeterhubOrigin} header names the run's exchange; every other message is returned to the queue untouched.
 */
public final class DeadLetterSweeper {

    private static final String ORIGIN_HEADER = "MeterhubOrigin";

    /** @return how many of the run's dead letters were removed */
    public static long sweep(Connection connection, String queue, String exchange) throws IOException {
        String prefix = "rabbitmq:" + exchange + "/";
        Channel ch = connection.createChannel();
        try {
            long depth;
            try {
                depth = ch.queueDeclarePassive(queue).getMessageCount();
            } catch (IOException e) {
                return 0; // no such queue: nothing was dead-lettered
            }
            long removed = 0;
            long lastOther = -1;
            for (long i = 0; i < depth; i++) {
                GetResponse r = ch.basicGet(queue, false);
                if (r == null) {
                    break;
                }
                Map<String, Object> headers = r.getProps().getHeaders();
                Object origin = headers == null ? null : headers.get(ORIGIN_HEADER);
                if (origin != null && origin.toString().startsWith(prefix)) {
                    ch.basicAck(r.getEnvelope().getDeliveryTag(), false);
                    removed++;
                } else {
                    lastOther = r.getEnvelope().getDeliveryTag();
                }
            }
            if (lastOther >= 0) {
                ch.basicNack(lastOther, true, true);
            }
            return removed;
        } finally {
            try {
                ch.close();
            } catch (Exception e) {
                System.err.println("bench: closing the dead-letter sweeping channel failed: " + e);
            }
        }
    }

    private DeadLetterSweeper() {}
}
