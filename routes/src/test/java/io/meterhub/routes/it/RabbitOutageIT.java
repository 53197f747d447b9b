package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.routes.Hub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RabbitMQ stops under a running hub and comes back: the hub keeps running, reconnects, declares its
 * non-durable exchanges and bindings again (the restart dropped them), and stores what OpenStack publishes
 * afterwards.
 */
class RabbitOutageIT {

    @TempDir
    Path dir;

    @Test
    void reconnectsAndRedeclaresItsBindingsAfterRabbitMqRestarts() throws Exception {
        try (Rabbit rabbit = new Rabbit();
                Hub hub = HubTestSupport.start(HubTestSupport.options(dir, rabbit))) {
            StoreQueries store = new StoreQueries(hub.database());
            ObjectNode before = Corpus.withFreshId(Corpus.notifications().get(0));
            rabbit.publish("nova", "notifications.info", Corpus.v2(before));
            await().atMost(Duration.ofSeconds(30)).until(() -> store.eventsWithId(id(before)) == 1);

            try {
                rabbitmqctl("stop_app");
                assertThat(hub.camelContext().isStarted()).isTrue();
            } finally {
                rabbitmqctl("start_app");
                rabbitmqctl("await_startup");
            }

            ObjectNode after = Corpus.withFreshId(Corpus.notifications().get(0));
            // the exchange exists again only once the hub has reconnected and declared it: publish until routed
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        try (Rabbit publisher = new Rabbit()) {
                            publisher.publishMandatory(rabbit.exchange("nova"), "notifications.info", Corpus.v2(after));
                            return true;
                        } catch (IOException | RuntimeException e) {
                            return false;
                        }
                    });
            await().atMost(Duration.ofSeconds(60)).until(() -> store.eventsWithId(id(after)) == 1);
            assertThat(store.eventsWithId(id(before))).isOne();
        }
    }

    private static String id(ObjectNode n) {
        return n.get("message_id").asText();
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process p = new ProcessBuilder("rabbitmqctl", command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("rabbitmqctl " + command + ": " + out).isZero();
    }
}
