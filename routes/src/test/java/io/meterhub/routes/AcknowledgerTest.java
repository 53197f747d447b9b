package io.meterhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.springrabbit.SpringRabbitMQConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link Acknowledger#sent} reports across channels, also after one of them closed. */
class AcknowledgerTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final Acknowledger acknowledger = new Acknowledger(() -> 0L, Duration.ofSeconds(1), false);

    @AfterEach
    void close() throws Exception {
        acknowledger.close();
        camel.close();
    }

    @Test
    void whatAClosedChannelAcknowledgedStaysCounted() {
        FakeChannel first = new FakeChannel();
        finish(first.channel, 1, 3);
        acknowledger.flush();
        assertThat(first.frames).containsExactly("ack 3 multiple");
        assertThat(acknowledger.sent()).isEqualTo(new Acknowledger.Sent(1, 3));

        first.shutDown();
        assertThat(acknowledger.sent()).as("after the channel closed").isEqualTo(new Acknowledger.Sent(1, 3));

        FakeChannel second = new FakeChannel();
        finish(second.channel, 1, 2);
        acknowledger.flush();
        assertThat(second.frames).containsExactly("ack 2 multiple");
        assertThat(acknowledger.sent()).isEqualTo(new Acknowledger.Sent(2, 5));
    }

    private void finish(Channel channel, long fromTag, long toTag) {
        List<Exchange> exchanges = new ArrayList<>();
        for (long tag = fromTag; tag <= toTag; tag++) {
            Exchange e = new DefaultExchange(camel);
            e.setProperty(SpringRabbitMQConstants.CHANNEL, channel);
            e.getMessage().setHeader(SpringRabbitMQConstants.DELIVERY_TAG, tag);
            acknowledger.register(e);
            exchanges.add(e);
        }
        exchanges.forEach(acknowledger::ack);
    }

    /** A channel recording the acknowledgement frames it would send, which can be shut down. */
    private static final class FakeChannel {
        final List<String> frames = new ArrayList<>();
        final List<ShutdownListener> listeners = new ArrayList<>();
        final Channel channel = (Channel) Proxy.newProxyInstance(
                Channel.class.getClassLoader(), new Class<?>[] {Channel.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "basicAck" -> frames.add("ack " + args[0] + (((Boolean) args[1]) ? " multiple" : ""));
                        case "addShutdownListener" -> listeners.add((ShutdownListener) args[0]);
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "toString" -> {
                            return "fake channel";
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });

        void shutDown() {
            ShutdownSignalException cause = new ShutdownSignalException(false, true, null, channel);
            listeners.forEach(l -> l.shutdownCompleted(cause));
        }
    }
}
