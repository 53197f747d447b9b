package io.meterhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What coalescing sends to the broker: {@code multiple=true} only over deliveries that are all finished and all
 * known, everything else one by one (a channel recording the frames it would send).
 */
class ChannelAcksTest {

    private static final long STUCK = 1_000;

    private final List<String> sent = new ArrayList<>();
    private final Channel channel = (Channel) Proxy.newProxyInstance(
            Channel.class.getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "basicAck" -> sent.add("ack " + args[0] + (((Boolean) args[1]) ? " multiple" : ""));
                    case "basicNack" -> sent.add("nack " + args[0] + (((Boolean) args[1]) ? " multiple" : ""));
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            });
    private final ChannelAcks acks = new ChannelAcks(channel, STUCK, 1_000);

    private void register(long from, long to) {
        for (long t = from; t <= to; t++) {
            acks.register(t);
        }
    }

    @Test
    void finishedDeliveriesAtTheHeadGoInOneFrameAtTheNextFlush() throws Exception {
        register(1, 5);
        for (long t = 1; t <= 5; t++) {
            acks.ack(t, 0);
        }
        assertThat(sent).as("nothing before the flush").isEmpty();
        acks.flush(0);
        assertThat(sent).containsExactly("ack 5 multiple");
        acks.flush(0);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aFrameNeverCoversAnUnfinishedDelivery() throws Exception {
        register(1, 6);
        acks.ack(1, 0);
        acks.ack(2, 0);
        acks.ack(4, 0);
        acks.ack(5, 0);
        acks.flush(0);
        assertThat(sent).containsExactly("ack 2 multiple");

        acks.ack(3, 0);
        acks.flush(0);
        assertThat(sent).containsExactly("ack 2 multiple", "ack 5 multiple");
        assertThat(acks.waiting()).isZero();
    }

    @Test
    void aRequeueGoesOutAtOnceAndTheFrameAfterItEndsOnAFinishedDelivery() throws Exception {
        register(1, 4);
        acks.ack(1, 0);
        acks.requeue(2);
        acks.ack(3, 0);
        acks.requeue(4);
        assertThat(sent).containsExactly("nack 2", "nack 4");
        acks.flush(0);
        assertThat(sent)
                .as("3 covers 1 and 3; 2 is no longer outstanding; 4 was returned and must not be named")
                .containsExactly("nack 2", "nack 4", "ack 3 multiple");
    }

    @Test
    void afterAGapInTheTagsEveryLaterDeliveryIsAcknowledgedAlone() throws Exception {
        register(1, 2);
        acks.register(4); // 3 never reached the route: it may still be outstanding
        acks.register(5);
        acks.ack(4, 0);
        acks.ack(1, 0);
        acks.ack(2, 0);
        acks.ack(5, 0);
        acks.flush(0);
        assertThat(sent).containsExactly("ack 4", "ack 5", "ack 2 multiple");
    }

    @Test
    void aChannelWhoseFirstTagIsNotOneIsAcknowledgedAlone() throws Exception {
        acks.register(7);
        acks.ack(7, 0);
        acks.flush(0);
        assertThat(sent).containsExactly("ack 7");
    }

    @Test
    void deliveriesWaitingTooLongBehindAnUnfinishedOneAreAcknowledgedAlone() throws Exception {
        register(1, 3);
        acks.ack(2, 0);
        acks.ack(3, 500);
        acks.flush(STUCK - 1);
        assertThat(sent).isEmpty();
        acks.flush(STUCK + 300); // the waiting ones are looked at every quarter of the limit
        assertThat(sent).containsExactly("ack 2");
        acks.flush(STUCK + 600);
        assertThat(sent).containsExactly("ack 2", "ack 3");

        acks.ack(1, STUCK + 700);
        acks.flush(STUCK + 700);
        assertThat(sent).containsExactly("ack 2", "ack 3", "ack 1 multiple");
        assertThat(acks.waiting()).isZero();
    }

    @Test
    void manyFinishedDeliveriesAreSentWithoutWaitingForTheFlush() throws Exception {
        ChannelAcks eager = new ChannelAcks(channel, STUCK, 3);
        for (long t = 1; t <= 4; t++) {
            eager.register(t);
        }
        eager.ack(1, 0);
        eager.ack(2, 0);
        assertThat(sent).isEmpty();
        eager.ack(3, 0);
        assertThat(sent).containsExactly("ack 3 multiple");
    }

    @Test
    void aDeliverySettledAlreadyIsNotSettledAgainAndAnUnknownOneAlone() throws Exception {
        register(1, 2);
        acks.ack(1, 0);
        acks.flush(0);
        acks.ack(1, 0); // twice: the broker would close the channel for an unknown tag
        acks.requeue(1);
        acks.ack(9, 0); // never registered
        acks.requeue(10);
        assertThat(sent).containsExactly("ack 1 multiple", "ack 9", "nack 10");
    }

    @Test
    void drainSendsEveryFinishedDeliveryNow() throws Exception {
        register(1, 3);
        acks.ack(1, 0);
        acks.ack(3, 0);
        acks.drain(0);
        assertThat(sent).containsExactly("ack 1 multiple", "ack 3");
        assertThat(acks.waiting()).isZero();
    }
}
