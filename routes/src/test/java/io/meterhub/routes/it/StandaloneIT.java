package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.meterhub.model.Json;
import io.meterhub.routes.HubNames;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/meterhub run} with no external service at all: the embedded AMQP 1.0 broker takes notifications,
 * the embedded store keeps them, the HTTP address answers, SIGTERM stops it cleanly, a bad option stops start-up.
 */
class StandaloneIT {

    @TempDir
    Path dir;

    @Test
    void storesANotificationSentToTheEmbeddedBrokerOverAmqp10() throws Exception {
        Path log = HubProcess.logFile("standalone");
        List<String> command = List.of(
                script().toString(),
                "run",
                "--data=" + dir.resolve("data"),
                "--port=0",
                "--store-port=0",
                "--amqp-port=0");
        try (HubProcess hub = HubProcess.script(
                        log, Map.of("METERHUB_CLASSPATH", System.getProperty("java.class.path")), command)
                .awaitReady(Duration.ofSeconds(60))) {
            assertThat(hub.storeUri()).startsWith("mongodb://127.0.0.1:");
            assertThat(hub.httpUri()).matches("http://127\\.0\\.0\\.1:\\d+");

            ObjectNode v2 = Corpus.withFreshId(Corpus.notifications().get(0));
            ObjectNode v1 = Corpus.withFreshId(Corpus.notifications().get(5));
            JmsConnectionFactory cf = new JmsConnectionFactory(hub.amqpUri());
            try (Connection c = cf.createConnection()) {
                c.start();
                Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(HubNames.AMQP_INGEST_QUEUE));
                BytesMessage bytes = session.createBytesMessage();
                bytes.writeBytes(Corpus.v2(v2));
                producer.send(bytes);
                producer.send(session.createTextMessage(v1.toString()));
                producer.send(session.createTextMessage("garbage, not json"));

                try (MongoClient client = MongoClients.create(hub.storeUri())) {
                    StoreQueries store = new StoreQueries(client.getDatabase("meterhub"));
                    await().atMost(Duration.ofSeconds(30))
                            .until(() -> store.eventsWithId(v2.get("message_id").asText()) == 1
                                    && store.eventsWithId(v1.get("message_id").asText()) == 1
                                    && store.deadLetters() == 1);
                    assertThat(store.samplesOf(v2.get("message_id").asText())).isEqualTo(5);
                    assertThat(store.allDeadLetters().get(0).getString("reason"))
                            .isEqualTo("not-json");
                    assertThat(store.allDeadLetters().get(0).getString("origin"))
                            .isEqualTo("amqp:" + HubNames.AMQP_INGEST_QUEUE);
                }

                Queue dead = session.createQueue(HubNames.DEAD_QUEUE);
                try (MessageConsumer consumer = session.createConsumer(dead)) {
                    Message m = consumer.receive(10_000);
                    assertThat(m)
                            .as("a dead letter on the embedded broker's " + HubNames.DEAD_QUEUE)
                            .isNotNull();
                    assertThat(m.getStringProperty(HubNames.REASON_HEADER)).isEqualTo("not-json");
                }
            }

            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(hub.httpUri() + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(health.body());
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.get("notifications_stored").asLong()).isEqualTo(2);
            assertThat(body.get("dead_letters_stored").asLong()).isEqualTo(1);

            assertThat(hub.terminate(Duration.ofSeconds(60))).isIn(0, 143);
            assertThat(hub.output()).contains("meterhub stopping", "meterhub stopped");
        }
        // data survives a restart: the same directory, a new process
        try (HubProcess again = HubProcess.script(
                                log,
                                Map.of("METERHUB_CLASSPATH", System.getProperty("java.class.path")),
                                List.of(
                                        script().toString(),
                                        "run",
                                        "--data=" + dir.resolve("data"),
                                        "--port=0",
                                        "--store-port=0",
                                        "--amqp-port=0"))
                        .awaitReady(Duration.ofSeconds(60));
                MongoClient client = MongoClients.create(again.storeUri())) {
            assertThat(new StoreQueries(client.getDatabase("meterhub")).events())
                    .isEqualTo(2);
        }
    }

    @Test
    void aBadOptionStopsStartUpWithAMessageNamingIt() throws Exception {
        ProcessBuilder b = new ProcessBuilder(script().toString(), "run", "--port=eighty", "--data=" + dir)
                .redirectErrorStream(true);
        b.environment().put("METERHUB_CLASSPATH", System.getProperty("java.class.path"));
        Process p = b.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("--port").contains("eighty");
    }

    private static Path script() {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("bin/meterhub");
        assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        return script;
    }
}
