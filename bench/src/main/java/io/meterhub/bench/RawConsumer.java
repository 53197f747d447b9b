package io.meterhub.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The broker's ceiling for this queue: consumes it with manual acknowledgements and does nothing else with the
 * messages. Acknowledges every {@code ackEvery}-th delivery with multiple=true (every delivery when 1), and the
 * last one, so that the queue is empty afterwards.
 */
public final class RawConsumer {

    private final int prefetch;
    private final int ackEvery;

    public RawConsumer(int prefetch, int ackEvery) {
        this.prefetch = prefetch;
        this.ackEvery = ackEvery;
    }

    public String describe() {
        return "qos " + prefetch + ", " + (ackEvery == 1 ? "ack every message" : "multiple-ack every " + ackEvery);
    }

    public Measurement consume(Connection connection, String queue, int n, long timeoutSeconds)
            throws IOException, InterruptedException {
        Channel ch = connection.createChannel();
        try {
            ch.basicQos(prefetch);
            CountDownLatch all = new CountDownLatch(1);
            DefaultConsumer consumer = new DefaultConsumer(ch) {
                private long received;

                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    received++;
                    if (received % ackEvery == 0 || received == n) {
                        getChannel().basicAck(envelope.getDeliveryTag(), ackEvery > 1);
                    }
                    if (received == n) {
                        all.countDown();
                    }
                }
            };
            long start = System.nanoTime();
            String tag = ch.basicConsume(queue, false, consumer);
            if (!all.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException("raw consume: fewer than " + n + " messages arrived from " + queue + " within "
                        + timeoutSeconds + " s");
            }
            Measurement m = Measurement.since(n, start);
            ch.basicCancel(tag);
            return m;
        } finally {
            try {
                ch.close();
            } catch (Exception e) {
                System.err.println("bench: closing the consuming channel failed: " + e);
            }
        }
    }
}
