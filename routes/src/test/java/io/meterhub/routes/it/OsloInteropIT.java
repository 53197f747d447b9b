package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.routes.Hub;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire compatibility with OpenStack itself: REAL oslo.messaging (Debian's python3-oslo.messaging, a messagingv2
 * Notifier, as nova uses it) publishes, and the hub stores what it sent.
 */
class OsloInteropIT {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void storesNotificationsPublishedByRealOsloMessaging() throws Exception {
        List<ObjectNode> nova = Corpus.notifications().stream()
                .filter(n -> n.get("event_type").asText().startsWith("compute.instance."))
                .limit(40)
                .toList();
        try (Rabbit rabbit = new Rabbit();
                Hub hub = HubTestSupport.start(HubTestSupport.options(dir, rabbit))) {
            StoreQueries store = new StoreQueries(hub.database());
            Process p = oslo(rabbit.exchange("nova"), nova);
            assertThat(p.waitFor(120, TimeUnit.SECONDS))
                    .as("oslo publisher finished")
                    .isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue())
                    .as("oslo publisher exit status; stderr: %s", err)
                    .isZero();

            await().atMost(Duration.ofSeconds(60)).until(() -> store.events() == nova.size());
            List<String> stored = hub.database()
                    .getCollection("events")
                    .find()
                    .map(d -> d.getString("event_type"))
                    .into(new java.util.ArrayList<>());
            assertThat(stored)
                    .containsExactlyInAnyOrderElementsOf(
                            nova.stream().map(n -> n.get("event_type").asText()).toList());
            // oslo packed the request context as _context_* keys; the default traits read it back: every
            // notification sent with a request id in its context has its request_id trait
            long withRequestId = nova.stream()
                    .filter(n -> n.hasNonNull("_context_request_id"))
                    .count();
            long eventsWithRequestId = hub
                    .database()
                    .getCollection("events")
                    .find()
                    .map(d -> d.getList("traits", Document.class).stream()
                            .anyMatch(t -> "request_id".equals(t.getString("name"))))
                    .into(new java.util.ArrayList<>())
                    .stream()
                    .filter(Boolean::booleanValue)
                    .count();
            assertThat(withRequestId).isPositive();
            assertThat(eventsWithRequestId).isEqualTo(withRequestId);
            // as many samples as real Ceilometer made of the same notifications
            List<String> ids =
                    nova.stream().map(n -> n.get("message_id").asText()).toList();
            long expectedSamples = Corpus.expectedSamples().stream()
                    .filter(s -> ids.contains(s.get("message_id").asText()))
                    .filter(s -> Corpus.BUILT_IN_METERS.contains(s.get("name").asText()))
                    .count();
            assertThat(expectedSamples).isPositive();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.samples() == expectedSamples);
        }
    }

    private Process oslo(String exchange, List<ObjectNode> messages) throws IOException {
        Path script = dir.resolve("oslo_notify.py");
        try (InputStream in = OsloInteropIT.class.getResourceAsStream("/interop/oslo_notify.py")) {
            Files.copy(in, script);
        }
        assertThat(Path.of(PYTHON))
                .as("Debian's python3 (bin/meterhub test installs python3-oslo.messaging)")
                .exists();
        Process p = new ProcessBuilder(
                        PYTHON,
                        script.toString(),
                        "rabbit://guest:guest@127.0.0.1:5672/",
                        exchange,
                        String.valueOf(messages.size()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream stdin = p.getOutputStream()) {
            for (ObjectNode m : messages) {
                stdin.write((m.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return p;
    }
}
