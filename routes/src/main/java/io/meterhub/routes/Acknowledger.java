package io.meterhub.routes;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges RabbitMQ deliveries consumed with manual acknowledgement, once what they produced is stored. For any
 * other consumer it does nothing: there, completing the exchange is the acknowledgement. A failed ack (the channel
 * closed meanwhile) is harmless: the broker redelivers and the store keeps the message once.
 */
public final class Acknowledger {

    /** Exchange property marking an exchange whose RabbitMQ delivery the hub acknowledges itself. */
    public static final String MANUAL_ACK_PROPERTY = "MeterhubManualAck";

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);

    public void ack(Exchange exchange) {
        Delivery d = delivery(exchange);
        if (d != null) {
            try {
                d.channel().basicAck(d.tag(), false);
            } catch (IOException | RuntimeException e) {
                LOG.debug("ack of delivery {} failed; the broker will redeliver it: {}", d.tag(), e.toString());
            }
        }
    }

    /** Returns the delivery to the queue, for a failure the hub could not turn into a dead letter. */
    public void requeue(Exchange exchange) {
        Delivery d = delivery(exchange);
        if (d != null) {
            try {
                d.channel().basicNack(d.tag(), false, true);
            } catch (IOException | RuntimeException e) {
                LOG.debug("nack of delivery {} failed; the broker will redeliver it: {}", d.tag(), e.toString());
            }
        }
    }

    private static Delivery delivery(Exchange exchange) {
        if (!exchange.getProperty(MANUAL_ACK_PROPERTY, false, Boolean.class)) {
            return null;
        }
        Channel channel = exchange.getProperty(SpringRabbitMQConstants.CHANNEL, Channel.class);
        Long tag = exchange.getMessage().getHeader(SpringRabbitMQConstants.DELIVERY_TAG, Long.class);
        return channel == null || tag == null ? null : new Delivery(channel, tag);
    }

    private record Delivery(Channel channel, long tag) {}
}
