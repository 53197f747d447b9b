package io.meterhub.agent.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolingSenderTest {

    @TempDir
    Path dir;

    /** A broker that confirms what it receives, or refuses everything while down. */
    static final class FakeBroker implements Publisher {
        final List<String> received = Collections.synchronizedList(new ArrayList<>());
        volatile boolean down;
        int attempts;

        @Override
        public synchronized void publish(List<byte[]> bodies) throws IOException {
            attempts++;
            if (down) {
                throw new IOException("connection refused");
            }
            bodies.forEach(b -> received.add(new String(b, StandardCharsets.UTF_8)));
        }

        @Override
        public String describe() {
            return "fake broker";
        }

        @Override
        public void close() {}
    }

    private final FakeBroker broker = new FakeBroker();

    @Test
    void sendsInSubmissionOrderAndEmptiesTheSpool() throws Exception {
        SpoolingSender s = new SpoolingSender(dir, 1 << 20, broker, Duration.ofSeconds(1));
        for (int i = 0; i < 250; i++) {
            s.submit(body(i));
        }
        while (s.pending() > 0) {
            assertThat(s.drainOnce()).isTrue();
        }
        assertThat(broker.received).containsExactlyElementsOf(bodies(0, 250));
        assertThat(broker.attempts).isEqualTo(3); // batches of 100
        assertThat(s.sent()).isEqualTo(250);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void keepsEverythingWhileTheBrokerIsDownAndSendsItInOrderWhenItReturns() throws Exception {
        SpoolingSender s = new SpoolingSender(dir, 1 << 20, broker, Duration.ofMillis(100));
        s.start();
        try {
            s.submit(body(0));
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.received.size() == 1);
            broker.down = true;
            for (int i = 1; i < 20; i++) {
                s.submit(body(i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> broker.attempts >= 3);
            assertThat(s.pending()).isEqualTo(19);
            broker.down = false;
            await().atMost(Duration.ofSeconds(5)).until(() -> s.pending() == 0);
        } finally {
            s.close();
        }
        assertThat(broker.received).containsExactlyElementsOf(bodies(0, 20));
        assertThat(s.dropped()).isZero();
    }

    @Test
    void dropsTheOldestWhenFullAndCountsThem() throws Exception {
        int size = body(0).length;
        SpoolingSender s = new SpoolingSender(dir, 10L * size, broker, Duration.ofSeconds(1));
        broker.down = true;
        for (int i = 0; i < 15; i++) {
            s.submit(body(i));
        }
        assertThat(s.drainOnce()).isFalse();
        assertThat(s.pending()).isEqualTo(10);
        assertThat(s.dropped()).isEqualTo(5);
        broker.down = false;
        assertThat(s.drainOnce()).isTrue();
        assertThat(broker.received).containsExactlyElementsOf(bodies(5, 15));
    }

    @Test
    void whatAnEarlierRunLeftIsSentFirst() throws Exception {
        broker.down = true;
        SpoolingSender first = new SpoolingSender(dir, 1 << 20, broker, Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            first.submit(body(i));
        }
        first.drainOnce();
        first.close();
        broker.down = false;

        SpoolingSender second = new SpoolingSender(dir, 1 << 20, broker, Duration.ofSeconds(1));
        second.submit(body(3));
        assertThat(second.pending()).isEqualTo(4);
        second.drainOnce();

        assertThat(broker.received).containsExactlyElementsOf(bodies(0, 4));
    }

    @Test
    void refusesABodyLargerThanTheWholeSpool() throws Exception {
        SpoolingSender s = new SpoolingSender(dir, 4, broker, Duration.ofSeconds(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.submit(body(1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exceeds the spool bound of 4");
    }

    private static byte[] body(int i) {
        return String.format("{\"n\":%05d}", i).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> bodies(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new String(body(i), StandardCharsets.UTF_8));
        }
        return out;
    }
}
