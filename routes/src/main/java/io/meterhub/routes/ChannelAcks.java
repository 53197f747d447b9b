package io.meterhub.routes;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgements of one RabbitMQ channel, coalesced: a delivery whose writes are durable is acknowledged with
 * the others before it in one {@code basic.ack} with {@code multiple=true}, once every delivery before it on the
 * channel is settled. One frame for hundreds of deliveries instead of one each: the broker's CPU per acknowledgement.
 *
 * <p>{@code multiple=true} settles every outstanding delivery up to its tag, so it is sent only over deliveries this
 * class knows all of: each delivery is {@link #register registered} as it enters the route, in the channel's delivery
 * order, and the tags must follow each other from 1. At the first gap (a delivery that never reached the route:
 * the container settled it, or lost it) every later delivery is acknowledged on its own, as without coalescing. A
 * delivery that stays unfinished would hold back the acknowledgements behind it; those waiting longer than
 * {@code stuckNanos} are acknowledged one by one. Negative acknowledgements go out at once, one by one.
 */
final class ChannelAcks {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelAcks.class);

    private enum State {
        /** Registered, not finished. */
        PENDING,
        /** Durable: to be acknowledged. */
        DONE,
        /** Already settled at the broker on its own (negatively, or acknowledged because it waited too long). */
        SETTLED
    }

    private static final class Entry {
        State state = State.PENDING;
        long doneAt;
    }

    private final Channel channel;
    private final long stuckNanos;
    private final int flushAt;

    /** Registered deliveries not yet covered by an acknowledgement sent, by tag. */
    private final TreeMap<Long, Entry> open = new TreeMap<>();

    private long lastRegistered;
    /** The first tag after a gap (every tag from here on is acknowledged on its own), or {@code Long.MAX_VALUE}. */
    private long singleFrom = Long.MAX_VALUE;

    private int done;
    private long frames;
    private long acknowledged;
    private long lastStuckScan;
    private boolean scanned;

    /**
     * @param stuckNanos how long a finished delivery waits behind an unfinished one before it is acknowledged alone
     * @param flushAt acknowledge as soon as this many finished deliveries wait, without waiting for {@link #flush}
     */
    ChannelAcks(Channel channel, long stuckNanos, int flushAt) {
        this.channel = channel;
        this.stuckNanos = stuckNanos;
        this.flushAt = flushAt;
    }

    /** A delivery entered the route; called in the channel's delivery order. */
    synchronized void register(long tag) {
        if (tag >= singleFrom) {
            return;
        }
        if (tag != lastRegistered + 1) {
            LOG.debug("delivery tags jump from {} to {}; acknowledging one by one from here", lastRegistered, tag);
            singleFrom = lastRegistered + 1;
            return;
        }
        lastRegistered = tag;
        open.put(tag, new Entry());
    }

    /** The delivery's writes are durable. */
    synchronized void ack(long tag, long now) throws IOException {
        if (!tracked(tag)) {
            send(tag, false, 1);
            return;
        }
        Entry e = open.get(tag);
        if (e == null || e.state != State.PENDING) {
            LOG.debug("delivery {} is settled already; not acknowledging it again", tag);
            return;
        }
        e.state = State.DONE;
        e.doneAt = now;
        if (++done >= flushAt) {
            flush(now);
        }
    }

    /** The delivery goes back to its queue; sent at once. */
    synchronized void requeue(long tag) throws IOException {
        if (!tracked(tag)) {
            channel.basicNack(tag, false, true);
            return;
        }
        Entry e = open.get(tag);
        if (e == null || e.state == State.SETTLED) {
            LOG.debug("delivery {} is settled already; not returning it", tag);
            return;
        }
        if (e.state == State.DONE) {
            done--;
        }
        channel.basicNack(tag, false, true);
        e.state = State.SETTLED;
    }

    /** Whether the tag is one of the contiguous registered deliveries this class coalesces. */
    private boolean tracked(long tag) {
        return tag < singleFrom && tag <= lastRegistered;
    }

    /**
     * Acknowledges the finished deliveries at the head of the channel in one frame, and alone those that waited
     * longer than allowed behind an unfinished one.
     */
    synchronized void flush(long now) throws IOException {
        long highest = 0;
        int covered = 0;
        Iterator<Map.Entry<Long, Entry>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Entry> head = it.next();
            State state = head.getValue().state;
            if (state == State.PENDING) {
                break;
            }
            if (state == State.DONE) {
                highest = head.getKey();
                covered++;
                done--;
            }
            it.remove();
        }
        if (highest > 0) {
            send(highest, true, covered);
        }
        if (done > 0 && (!scanned || now - lastStuckScan >= stuckNanos / 4)) {
            scanned = true;
            lastStuckScan = now;
            ackAloneBehindHead(now, false);
        }
    }

    /** Acknowledges every finished delivery now: the head in one frame, those behind an unfinished one alone. */
    synchronized void drain(long now) throws IOException {
        flush(now);
        ackAloneBehindHead(now, true);
    }

    /** Acknowledges alone the finished deliveries behind the unfinished head: all, or those waiting too long. */
    private void ackAloneBehindHead(long now, boolean all) throws IOException {
        for (Map.Entry<Long, Entry> waiting : open.entrySet()) {
            Entry e = waiting.getValue();
            if (e.state == State.DONE && (all || now - e.doneAt >= stuckNanos)) {
                send(waiting.getKey(), false, 1);
                e.state = State.SETTLED;
                done--;
            }
        }
    }

    private void send(long tag, boolean multiple, int deliveries) throws IOException {
        channel.basicAck(tag, multiple);
        frames++;
        acknowledged += deliveries;
    }

    /** Acknowledgement frames sent, and the deliveries they acknowledged. */
    synchronized Acknowledger.Sent sent() {
        return new Acknowledger.Sent(frames, acknowledged);
    }

    /** Finished deliveries not yet acknowledged. */
    synchronized int waiting() {
        return done;
    }
}
