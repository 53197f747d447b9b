package io.meterhub.routes.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.GetResponse;
import io.meterhub.model.Timestamps;
import io.meterhub.routes.Hub;
import io.meterhub.routes.HubNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub on the real RabbitMQ and the real embedded store: what OpenStack publishes is stored, once, and what it
 * cannot use is dead-lettered with the reason while it keeps consuming.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RabbitIngestIT {

    private static final int MAX_BODY = 64 * 1024;

    @TempDir
    static Path data;

    private Rabbit rabbit;
    private Hub hub;
    private StoreQueries store;

    @BeforeAll
    void startHub() throws Exception {
        rabbit = new Rabbit();
        Map<String, String> options = HubTestSupport.options(data, rabbit);
        options.put("max-body", String.valueOf(MAX_BODY));
        hub = HubTestSupport.start(options);
        store = new StoreQueries(hub.database());
    }

    @AfterAll
    void stopHub() throws Exception {
        HubTestSupport.closeAll(hub, rabbit);
    }

    @Test
    void storesEveryCorpusNotificationWithCeilometersSamples() throws Exception {
        List<ObjectNode> corpus = Corpus.notifications();
        long before = store.events();
        for (ObjectNode n : corpus) {
            rabbit.publish(Corpus.service(n), Corpus.routingKey(n), Corpus.v2(n));
        }
        List<String> ids =
                corpus.stream().map(n -> n.get("message_id").asText()).toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
                .allMatch(id -> store.eventsWithId(id) == 1 || store.deadLetterWithId(id) != null));

        // what the hub refused, real Ceilometer refused too: timestamps iso8601 cannot parse
        Set<String> ceilometerEvents = Corpus.expectedEvents().stream()
                .map(e -> e.get("message_id").asText())
                .collect(Collectors.toSet());
        List<Document> refused = ids.stream()
                .map(store::deadLetterWithId)
                .filter(Objects::nonNull)
                .filter(d -> !d.getString("reason").equals("translation-failed"))
                .toList();
        // one notification is stored without its event, which Ceilometer could not make either (a bad eventTime);
        // a dead letter beside its samples says so
        List<Document> partial = ids.stream()
                .map(store::deadLetterWithId)
                .filter(Objects::nonNull)
                .filter(d -> d.getString("reason").equals("translation-failed"))
                .toList();
        assertThat(partial).singleElement().satisfies(d -> assertThat(d.getString("detail"))
                .contains("eventTime"));
        assertThat(refused).hasSize(5).allSatisfy(d -> {
            assertThat(d.getString("reason")).isEqualTo("bad-timestamp");
            assertThat(ceilometerEvents).doesNotContain(d.getString("_id"));
        });
        assertThat(store.events() - before).isEqualTo(corpus.size() - refused.size() - partial.size());

        List<String> expected = Corpus.expectedSamples().stream()
                .filter(s -> Corpus.BUILT_IN_METERS.contains(s.get("name").asText()))
                .map(RabbitIngestIT::expectedKey)
                .sorted()
                .toList();
        List<String> actual = store.allSamples().stream()
                .filter(d -> ids.contains(d.getString("notification_id")))
                .filter(d -> Corpus.BUILT_IN_METERS.contains(d.getString("counter_name")))
                .map(RabbitIngestIT::storedKey)
                .sorted()
                .toList();
        assertThat(expected).hasSize(316); // the corpus samples of these 7 meters (CorpusTranslationTest compares all)
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void storesBareV1MessagesLikeV2Envelopes() throws Exception {
        ObjectNode n = Corpus.withFreshId(Corpus.notifications().get(0));
        rabbit.publish("nova", "notifications.info", n.toString().getBytes(StandardCharsets.UTF_8));
        String id = n.get("message_id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> store.eventsWithId(id) == 1);
        assertThat(store.samplesOf(id)).isEqualTo(5); // memory, vcpus, root and ephemeral disk, booting time
    }

    @Test
    void storesARedeliveredNotificationOnce() throws Exception {
        ObjectNode n = Corpus.withFreshId(Corpus.notifications().get(0));
        String id = n.get("message_id").asText();
        long duplicatesBefore = hub.writer().duplicateDocuments();
        rabbit.publish("nova", "notifications.info", Corpus.v2(n));
        await().atMost(Duration.ofSeconds(30)).until(() -> store.eventsWithId(id) == 1);
        rabbit.publish("nova", "notifications.info", Corpus.v2(n), Corpus.v2(n));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> hub.writer().duplicateDocuments() - duplicatesBefore >= 2 * 6);
        assertThat(store.eventsWithId(id)).isOne();
        assertThat(store.samplesOf(id)).isEqualTo(5);
    }

    @Test
    void deadLettersEachKindOfGarbageWithItsReasonAndKeepsConsuming() throws Exception {
        ObjectNode noEventType = Corpus.withFreshId(Corpus.notifications().get(1));
        noEventType.remove("event_type");
        ObjectNode big = Corpus.withFreshId(Corpus.notifications().get(2));
        ((ObjectNode) big.get("payload")).put("padding", "x".repeat(MAX_BODY));
        byte[] notJson = "{this is not json".getBytes(StandardCharsets.UTF_8);
        byte[] osloMessageNotJson =
                "{\"oslo.version\":\"2.0\",\"oslo.message\":\"{truncated\"}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0, 1, 2};
        rabbit.publish(
                "nova",
                "notifications.info",
                notJson,
                Corpus.v2(noEventType),
                osloMessageNotJson,
                Corpus.v2(big),
                binary);
        ObjectNode good = Corpus.withFreshId(Corpus.notifications().get(3));
        rabbit.publish("nova", "notifications.info", Corpus.v2(good));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> store.eventsWithId(good.get("message_id").asText()) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.deadLetters() >= 5);
        Map<String, List<String>> reasons = store.allDeadLetters().stream()
                .collect(Collectors.groupingBy(
                        d -> d.getString("reason"),
                        Collectors.mapping(d -> d.getString("detail"), Collectors.toList())));
        assertThat(reasons).containsKeys("not-json", "missing-event-type", "oslo-message-not-json", "oversized");
        assertThat(reasons.get("not-json")).hasSize(2);
        assertThat(reasons.get("oversized").get(0)).contains("exceeds the limit of " + MAX_BODY);
        Document notJsonLetter = store.allDeadLetters().stream()
                .filter(d -> "{this is not json".equals(d.getString("body_text")))
                .findFirst()
                .orElseThrow();
        assertThat(notJsonLetter.getString("origin"))
                .isEqualTo("rabbitmq:" + rabbit.exchange("nova") + "/notifications.info");
        assertThat(notJsonLetter.get("body", org.bson.types.Binary.class).getData())
                .isEqualTo(notJson);

        List<GetResponse> queued = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            queued.addAll(rabbit.drain(rabbit.deadQueue()));
            return queued.size() >= 5;
        });
        List<String> queuedReasons = queued.stream()
                .map(r -> Objects.toString(r.getProps().getHeaders().get(HubNames.REASON_HEADER)))
                .toList();
        assertThat(queuedReasons).contains("not-json", "missing-event-type", "oslo-message-not-json", "oversized");
        assertThat(queued).anySatisfy(r -> assertThat(r.getBody()).isEqualTo(notJson));
        assertThat(Collections.frequency(queuedReasons, "not-json")).isEqualTo(2);
    }

    /** (message_id, name, type, unit, volume, resource_id, project_id, user_id, timestamp) of Ceilometer's sample. */
    private static String expectedKey(JsonNode s) {
        return key(
                s.get("message_id").asText(),
                s.get("name").asText(),
                s.get("type").asText(),
                // the shipped meters.yaml names Ceilometer 19's GB and MB as they are: GiB and MiB
                s.get("unit").asText().replace("GB", "GiB").replace("MB", "MiB"),
                s.get("volume").isNull() ? null : s.get("volume").asDouble(),
                text(s.get("resource_id")),
                text(s.get("project_id")),
                text(s.get("user_id")),
                Timestamps.parse(s.get("timestamp").asText()).orElseThrow());
    }

    private static String storedKey(Document d) {
        Number volume = d.get("counter_volume", Number.class);
        return key(
                d.getString("notification_id"),
                d.getString("counter_name"),
                d.getString("counter_type"),
                d.getString("counter_unit"),
                volume == null ? null : volume.doubleValue(),
                d.getString("resource_id"),
                d.getString("project_id"),
                d.getString("user_id"),
                Instant.parse(d.getString("timestamp_iso")));
    }

    private static String key(
            String id,
            String name,
            String type,
            String unit,
            Double volume,
            String resource,
            String project,
            String user,
            Instant ts) {
        String v = volume == null ? "null" : String.format(java.util.Locale.ROOT, "%.6f", volume);
        return String.join("|", id, name, type, unit, v, resource, project, user, ts.toString());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
