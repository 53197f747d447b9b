package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.meterhub.agent.Agent;
import io.meterhub.agent.config.AgentOptions;
import io.meterhub.agent.config.AgentSettings;
import io.meterhub.agent.publish.MeterMessageFactory;
import io.meterhub.agent.publish.OsloNotification;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.model.Json;
import io.meterhub.model.SampleType;
import io.meterhub.model.signing.Ed25519Keys;
import io.meterhub.model.signing.MessageSigner;
import io.meterhub.routes.Hub;
import io.meterhub.store.StoreNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The agent → the real RabbitMQ → the hub → the store, with the secret on both sides and the agent's Ed25519 key
 * registered with the hub ({@code agent-keys}). The broker outage is made with
 * a {@link TcpProxy} between agent and RabbitMQ that cuts every connection and refuses new ones for 30 s: stopping
 * the machine's RabbitMQ would break the other tests running on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentIngestIT {

    private static final String SECRET = "agent-it-secret";

    @TempDir
    static Path dir;

    private Rabbit rabbit;
    private Hub hub;
    private StoreQueries store;
    private TcpProxy proxy;
    private String host;
    private KeyPair key;
    private String keyId;
    private Path keyFile;

    @BeforeAll
    void startHub() throws Exception {
        rabbit = new Rabbit();
        keyFile = dir.resolve("keys/agent.key");
        key = Ed25519Keys.loadOrCreate(keyFile); // the public key lands beside it, in the directory the hub reads
        keyId = Ed25519Keys.keyId(key.getPublic());
        Map<String, String> options = HubTestSupport.options(dir.resolve("hub"), rabbit);
        options.put("secret", SECRET);
        options.put("agent-keys", keyFile.getParent().toString());
        hub = HubTestSupport.start(options);
        store = new StoreQueries(hub.database());
        proxy = new TcpProxy(5672);
        host = rabbit.prefix + "-node";
    }

    @AfterAll
    void stopHub() throws Exception {
        HubTestSupport.closeAll(proxy, hub, rabbit);
    }

    @Test
    void storesEveryPolledSampleThroughA30SecondBrokerOutage() throws Exception {
        Path config = Files.writeString(
                dir.resolve("polling.yaml"),
                """
                sources:
                  - name: it
                    interval: 1
                    meters: ['hardware.memory.used', 'hardware.memory.total', 'compute.node.cpu.user.time']
                """);
        Agent agent = startAgent(
                "--rabbitmq=amqp://guest:guest@127.0.0.1:" + proxy.port() + "/",
                "--exchange=" + rabbit.exchange("ceilometer"),
                "--secret=" + SECRET,
                "--ed25519-key=" + keyFile,
                "--config=" + config,
                "--host=" + host,
                "--buffer=" + dir.resolve("buffer"),
                "--max-backoff=1",
                "--confirm-timeout=5");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> samplesOfThisAgent() >= 6);

            proxy.cut();
            long madeAtCut = agent.samplesMade();
            // 30 s of polling every second while RabbitMQ cannot be reached: about 30 notifications wait on disk
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> agent.samplesMade() - madeAtCut >= 90);
            assertThat(agent.sender().pending()).isGreaterThanOrEqualTo(25);
            assertThat(proxy.refused()).isPositive();
            long storedDuringOutage = samplesOfThisAgent();
            proxy.restore();

            await().atMost(Duration.ofSeconds(60)).until(() -> samplesOfThisAgent() > storedDuringOutage + 80);
            agent.stopPolling();
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.sender().pending() == 0);
            long made = agent.samplesMade();
            await().atMost(Duration.ofSeconds(30)).until(() -> samplesOfThisAgent() == made);
            assertThat(agent.sender().dropped()).isZero();
        } finally {
            agent.close();
        }
        Document one = hub.database()
                .getCollection(StoreNames.SAMPLES)
                .find(Filters.eq("resource_id", host))
                .first();
        assertThat(one.getString("counter_unit")).isEqualTo("KB");
        assertThat(one.getString("source")).isEqualTo("openstack");
        assertThat(one.get("resource_metadata", Document.class).getString("host"))
                .isEqualTo(host);
    }

    /**
     * RabbitMQ itself stopped for 30 s and started again: its non-durable exchanges and the hub's bindings are gone
     * until the agent and the hub declare them again, and a sample published in between would be confirmed yet
     * routed nowhere — the agent publishes {@code mandatory} and keeps a returned batch, so none is lost.
     */
    @Test
    void storesEveryPolledSampleWhenRabbitMqItselfStopsForThirtySeconds() throws Exception {
        String node = rabbit.prefix + "-restart-node";
        Path config = Files.writeString(
                dir.resolve("polling-restart.yaml"),
                """
                sources:
                  - name: it
                    interval: 1
                    meters: ['hardware.memory.used', 'hardware.memory.total', 'compute.node.cpu.user.time']
                """);
        Agent agent = startAgent(
                "--rabbitmq=amqp://guest:guest@127.0.0.1:5672/",
                "--exchange=" + rabbit.exchange("ceilometer"),
                "--secret=" + SECRET,
                "--ed25519-key=" + keyFile,
                "--config=" + config,
                "--host=" + node,
                "--buffer=" + dir.resolve("buffer-restart"),
                "--max-backoff=1",
                "--confirm-timeout=5");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> samplesOf(node) >= 6);
            try {
                rabbitmqctl("stop_app");
                long madeAtStop = agent.samplesMade();
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> agent.samplesMade() - madeAtStop >= 90);
                assertThat(agent.sender().pending()).isGreaterThanOrEqualTo(25);
            } finally {
                rabbitmqctl("start_app");
                rabbitmqctl("await_startup");
                // the other tests of this class publish through it: wait for the client to recover it
                await().atMost(Duration.ofSeconds(60)).until(rabbit::isOpen);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> agent.sender().pending() < 5);
            agent.stopPolling();
            await().atMost(Duration.ofSeconds(60)).until(() -> agent.sender().pending() == 0);
            long made = agent.samplesMade();
            await().atMost(Duration.ofSeconds(60)).until(() -> samplesOf(node) == made);
            assertThat(agent.sender().dropped()).isZero();
        } finally {
            agent.close();
        }
    }

    @Test
    void deadLettersATamperedSampleAndStoresItsSignedTwin() throws Exception {
        MeterMessageFactory factory = new MeterMessageFactory("openstack", SECRET, Optional.of(key), keyId);
        OsloNotification envelope = new OsloNotification(Clock.systemUTC());
        Measurement m = Measurement.of("hardware.memory.used", SampleType.GAUGE, "KB", 1024, host + "-t", null);
        ObjectNode tampered = factory.message(m, Instant.now());
        tampered.put("counter_volume", 1);
        ObjectNode honest = factory.message(m, Instant.now());
        byte[] bad = envelope.body(List.of(tampered));
        byte[] good = envelope.body(List.of(honest));

        rabbit.publish("ceilometer", "notifications.sample", bad, good);

        String badId = notificationId(bad);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.deadLetterWithId(badId) != null);
        Document letter = store.deadLetterWithId(badId);
        assertThat(letter.getString("reason")).isEqualTo("bad-signature");
        assertThat(letter.getString("detail"))
                .contains(tampered.get("message_id").asText());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hub.database()
                                .getCollection(StoreNames.SAMPLES)
                                .countDocuments(Filters.eq(
                                        "_id", honest.get("message_id").asText()))
                        == 1);
        assertThat(hub.database()
                        .getCollection(StoreNames.SAMPLES)
                        .countDocuments(
                                Filters.eq("_id", tampered.get("message_id").asText())))
                .isZero();
    }

    @Test
    void deadLettersASampleForgedWithTheSharedSecretButNotTheAgentsKey() throws Exception {
        MeterMessageFactory factory = new MeterMessageFactory("openstack", SECRET, Optional.of(key), keyId);
        Measurement m = Measurement.of("hardware.memory.used", SampleType.GAUGE, "KB", 1024, host + "-f", null);
        ObjectNode forged = factory.message(m, Instant.now());
        forged.put("counter_volume", 1);
        forged.put(MessageSigner.SIGNATURE_FIELD, MessageSigner.compute(forged, SECRET)); // a valid HMAC again
        ObjectNode unsigned =
                new MeterMessageFactory("openstack", SECRET, Optional.empty(), null).message(m, Instant.now());
        OsloNotification envelope = new OsloNotification(Clock.systemUTC());
        byte[] forgedBody = envelope.body(List.of(forged));
        byte[] unsignedBody = envelope.body(List.of(unsigned));

        rabbit.publish("ceilometer", "notifications.sample", forgedBody, unsignedBody);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.deadLetterWithId(notificationId(forgedBody)) != null
                        && store.deadLetterWithId(notificationId(unsignedBody)) != null);
        assertThat(store.deadLetterWithId(notificationId(forgedBody)).getString("reason"))
                .isEqualTo("bad-agent-signature");
        assertThat(store.deadLetterWithId(notificationId(unsignedBody)).getString("reason"))
                .isEqualTo("missing-agent-signature");
    }

    private long samplesOfThisAgent() {
        return samplesOf(host);
    }

    private long samplesOf(String node) {
        return hub.database()
                .getCollection(StoreNames.SAMPLES)
                .countDocuments(Filters.in("resource_id", node, node + "_" + node));
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process p = new ProcessBuilder("rabbitmqctl", command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("rabbitmqctl " + command + ": " + out).isZero();
    }

    private static Agent startAgent(String... args) throws Exception {
        AgentOptions options = new AgentOptions();
        new CommandLine(options).parseArgs(args);
        return Agent.start(AgentSettings.of(options));
    }

    private static String notificationId(byte[] body) throws Exception {
        String inner = Json.mapper()
                .readTree(new String(body, StandardCharsets.UTF_8))
                .get("oslo.message")
                .textValue();
        return Json.mapper().readTree(inner).get("message_id").textValue();
    }
}
