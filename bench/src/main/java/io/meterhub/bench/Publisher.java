package io.meterhub.bench;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes notifications as nova does (persistent, application/json, to the service's topic exchange) with
 * publisher confirms handled asynchronously: a confirm listener retires acknowledged sequence numbers, and at most
 * {@value #WINDOW} messages are unconfirmed at any time. The measurement ends when the last one is confirmed.
 */
public final class Publisher {

    static final int WINDOW = 5_000;

    private final NavigableMap<Long, Boolean> outstanding = new ConcurrentSkipListMap<>();
    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicLong nacked = new AtomicLong();

    /** Result of a publish run. */
    public record Result(Measurement measurement, long nacked) {}

    public Result publish(Connection connection, String exchange, Corpus corpus, int n, long timeoutSeconds)
            throws IOException, InterruptedException {
        AMQP.BasicProperties props = MessageProperties.PERSISTENT_BASIC
                .builder()
                .contentType("application/json")
                .contentEncoding("utf-8")
                .build();
        Channel ch = connection.createChannel();
        try {
            ch.confirmSelect();
            ch.addConfirmListener(
                    (seq, multiple) -> retire(seq, multiple, true), (seq, multiple) -> retire(seq, multiple, false));
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Corpus.Message m = corpus.message(i);
                acquire(1, timeoutSeconds);
                outstanding.put(ch.getNextPublishSeqNo(), Boolean.TRUE);
                ch.basicPublish(exchange, m.routingKey(), props, m.body());
            }
            acquire(WINDOW, timeoutSeconds);
            return new Result(Measurement.since(n, start), nacked.get());
        } finally {
            try {
                ch.close();
            } catch (Exception e) {
                System.err.println("bench: closing the publishing channel failed: " + e);
            }
        }
    }

    private void acquire(int permits, long timeoutSeconds) throws InterruptedException, IOException {
        if (!window.tryAcquire(permits, timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IOException("publisher confirms: " + outstanding.size() + " messages still unconfirmed after "
                    + timeoutSeconds + " s");
        }
    }

    private void retire(long seq, boolean multiple, boolean ack) {
        NavigableMap<Long, Boolean> done =
                multiple ? outstanding.headMap(seq, true) : outstanding.subMap(seq, true, seq, true);
        int retired = 0;
        for (Iterator<Long> it = done.keySet().iterator(); it.hasNext(); ) {
            it.next();
            it.remove();
            retired++;
        }
        if (!ack) {
            nacked.addAndGet(retired);
        }
        window.release(retired);
    }
}
