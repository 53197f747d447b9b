package io.meterhub.routes;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledges RabbitMQ deliveries consumed with manual acknowledgement, once what they produced is stored. For any
 * other consumer it does nothing: there, completing the exchange is the acknowledgement. A failed ack (the channel
 * closed meanwhile) is harmless: the broker redelivers and the store keeps the message once.
 *
 * <p>Acknowledgements are coalesced per channel ({@link ChannelAcks}): the RabbitMQ route {@link #register}s each
 * delivery as it enters, and a flusher sends one {@code multiple=true} acknowledgement for the finished deliveries at
 * the head of each channel every {@code flushEvery} (sooner when many wait). RabbitMQ spent about twice the CPU per
 * message with one acknowledgement each.
 */
public final class Acknowledger implements AutoCloseable {

    /** Exchange property marking an exchange whose RabbitMQ delivery the hub acknowledges itself. */
    public static final String MANUAL_ACK_PROPERTY = "MeterhubManualAck";

    static final Duration FLUSH_EVERY = Duration.ofMillis(10);
    static final Duration STUCK_AFTER = Duration.ofSeconds(1);
    static final int FLUSH_AT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Acknowledger.class);

    private final Map<Channel, ChannelAcks> channels = new ConcurrentHashMap<>();

    /** What the channels no longer in {@link #channels} (closed, or failed) had sent. */
    private final AtomicReference<Sent> retired = new AtomicReference<>(new Sent(0, 0));

    private final LongSupplier nanoTime;
    private final long stuckNanos;
    private final ScheduledExecutorService flusher;
    private volatile boolean closed;

    /** Coalescing, flushed every {@link #FLUSH_EVERY} by a thread of its own. */
    public Acknowledger() {
        this(System::nanoTime, STUCK_AFTER, true);
    }

    /** @param flushing whether a thread of its own flushes; without it, only {@link #flush()} and closing do */
    Acknowledger(LongSupplier nanoTime, Duration stuckAfter, boolean flushing) {
        this.nanoTime = nanoTime;
        this.stuckNanos = stuckAfter.toNanos();
        if (flushing) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "meterhub-ack-flush");
                t.setDaemon(true);
                return t;
            });
            long every = FLUSH_EVERY.toNanos();
            flusher.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.NANOSECONDS);
        } else {
            flusher = null;
        }
    }

    /**
     * The first step of the RabbitMQ route: marks the exchange as acknowledged by the hub and records its delivery,
     * in the channel's delivery order.
     */
    public void register(Exchange exchange) {
        exchange.setProperty(MANUAL_ACK_PROPERTY, true);
        Delivery d = delivery(exchange);
        if (d != null && !closed) {
            acks(d.channel()).register(d.tag());
        }
    }

    public void ack(Exchange exchange) {
        Delivery d = delivery(exchange);
        if (d != null) {
            try {
                if (closed) {
                    d.channel().basicAck(d.tag(), false);
                } else {
                    acks(d.channel()).ack(d.tag(), nanoTime.getAsLong());
                }
            } catch (IOException | RuntimeException e) {
                forget(d.channel(), e);
            }
        }
    }

    /** Returns the delivery to the queue, for a failure the hub could not turn into a dead letter. */
    public void requeue(Exchange exchange) {
        Delivery d = delivery(exchange);
        if (d != null) {
            try {
                if (closed) {
                    d.channel().basicNack(d.tag(), false, true);
                } else {
                    acks(d.channel()).requeue(d.tag());
                }
            } catch (IOException | RuntimeException e) {
                forget(d.channel(), e);
            }
        }
    }

    /** Sends the acknowledgements that can go now, on every channel. */
    void flush() {
        forEachChannel(false);
    }

    private void forEachChannel(boolean drain) {
        long now = nanoTime.getAsLong();
        channels.forEach((channel, acks) -> {
            try {
                if (drain) {
                    acks.drain(now);
                } else {
                    acks.flush(now);
                }
            } catch (IOException | RuntimeException e) {
                forget(channel, e);
            }
        });
    }

    /**
     * Acknowledgement frames sent and deliveries acknowledged by them, over every channel this acknowledged on,
     * closed ones included.
     */
    public Sent sent() {
        return channels.values().stream().map(ChannelAcks::sent).reduce(retired.get(), Sent::plus);
    }

    /** Acknowledgement frames and the deliveries they acknowledged. */
    public record Sent(long frames, long deliveries) {

        Sent plus(Sent other) {
            return new Sent(frames + other.frames, deliveries + other.deliveries);
        }
    }

    /** Finished deliveries not yet acknowledged, over all channels. */
    int waiting() {
        return channels.values().stream().mapToInt(ChannelAcks::waiting).sum();
    }

    private ChannelAcks acks(Channel channel) {
        return channels.computeIfAbsent(channel, c -> {
            c.addShutdownListener(cause -> retire(c));
            return new ChannelAcks(c, stuckNanos, FLUSH_AT);
        });
    }

    private void forget(Channel channel, Exception e) {
        // the channel is gone: the broker redelivers what it had not been told, and the store keeps it once
        LOG.debug(
                "acknowledging on a channel failed; the broker will redeliver its unacknowledged messages: {}",
                e.toString());
        retire(channel);
    }

    /** Stops tracking a channel, keeping what it sent in {@link #sent}. */
    private void retire(Channel channel) {
        ChannelAcks acks = channels.remove(channel);
        if (acks != null) {
            Sent its = acks.sent();
            retired.accumulateAndGet(its, Sent::plus);
        }
    }

    /** Sends what waits and from then on acknowledges each delivery at once. */
    @Override
    public void close() {
        closed = true;
        if (flusher != null) {
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        forEachChannel(true);
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
