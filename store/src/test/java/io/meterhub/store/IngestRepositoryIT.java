package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.store.embedded.ReopenableStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository against the real embedded store, spoken to with the real MongoDB driver. */
class IngestRepositoryIT {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final String INSTANCE = "9f9d01b9-4a58-4271-9e27-398b21ab20d1";

    @TempDir
    Path dir;

    private ReopenableStore store;
    private MongoDatabase db;
    private IngestRepository repository;

    @BeforeEach
    void openStore() {
        store = new ReopenableStore(dir);
        open();
    }

    @AfterEach
    void closeStore() {
        close();
    }

    private void open() {
        store.open();
        db = store.database();
        StoreIndexes.ensure(db);
        repository = new IngestRepository(db, store.barrier(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void close() {
        store.close();
    }

    /** Documents encoded ahead on the submitting threads are byte for byte what the writer makes itself. */
    @Test
    void documentsPreparedAheadAreStoredExactlyAsTheWriterMakesThem() {
        List<Translation> all = new ArrayList<>();
        for (ObjectNode n : Fixtures.corpus()) {
            try {
                all.add(Fixtures.translate(n));
            } catch (RuntimeException refused) {
                // the corpus's malformed notifications: the hub dead-letters them
            }
        }
        int half = all.size() / 2;
        all.subList(0, half).forEach(repository::prepare);
        repository.write(new WriteBatch(all, List.of()));
        assertThat(repository.preparedCount()).isZero();
        Map<String, Map<Object, Document>> stored = snapshot();

        close();
        dir = dir.resolve("unprepared");
        open();
        repository.write(new WriteBatch(all, List.of()));
        assertThat(snapshot()).isEqualTo(stored);
        assertThat(stored.get(StoreNames.SAMPLES)).hasSizeGreaterThan(half / 2);
    }

    private Map<String, Map<Object, Document>> snapshot() {
        Map<String, Map<Object, Document>> out = new HashMap<>();
        for (String name : List.of(StoreNames.SAMPLES, StoreNames.EVENTS)) {
            Map<Object, Document> docs = new HashMap<>();
            db.getCollection(name).find().forEach(d -> docs.put(d.get("_id"), d));
            out.put(name, docs);
        }
        return out;
    }

    private long count(String collection) {
        return db.getCollection(collection).countDocuments();
    }

    private Document resource(String id) {
        return db.getCollection(StoreNames.RESOURCES)
                .find(Filters.eq("_id", id))
                .first();
    }

    private static DeadLetter deadLetter(String id, byte[] body) {
        return new DeadLetter(
                id,
                "not-json",
                "body is not valid JSON: Unexpected character",
                "rabbitmq:nova/notifications.info",
                Instant.parse("2024-06-01T11:59:59.123Z"),
                body);
    }

    @Test
    void writingTheSameBatchTwiceStoresEachDocumentOnce() {
        Translation instance = Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END));
        Translation image = Fixtures.translate(Fixtures.notification(Fixtures.IMAGE_UPLOAD));
        WriteBatch batch = new WriteBatch(
                List.of(instance, image), List.of(deadLetter("dl-1", "{not json".getBytes(StandardCharsets.UTF_8))));
        int documents = instance.documentCount() + image.documentCount() + 1;
        assertThat(instance.samples()).hasSize(5);
        assertThat(image.samples()).hasSize(1);

        WriteOutcome first = repository.write(batch);
        WriteOutcome second = repository.write(batch);

        assertThat(first).isEqualTo(new WriteOutcome(documents, 0, Map.of()));
        assertThat(second).isEqualTo(new WriteOutcome(documents, documents, Map.of()));
        assertThat(count(StoreNames.SAMPLES)).isEqualTo(6);
        assertThat(count(StoreNames.EVENTS)).isEqualTo(2);
        assertThat(count(StoreNames.DEAD_LETTERS)).isEqualTo(1);
        assertThat(count(StoreNames.RESOURCES)).isEqualTo(2);
    }

    @Test
    void countsOnlyTheRedeliveredPartOfABatchAsDuplicates() {
        Translation instance = Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END));
        Translation image = Fixtures.translate(Fixtures.notification(Fixtures.IMAGE_UPLOAD));
        repository.write(new WriteBatch(List.of(instance), List.of()));

        WriteOutcome outcome = repository.write(new WriteBatch(List.of(image, instance), List.of()));

        assertThat(outcome.documents()).isEqualTo(instance.documentCount() + image.documentCount());
        assertThat(outcome.duplicates()).isEqualTo(instance.documentCount());
        assertThat(outcome.rejected()).isEmpty();
        assertThat(count(StoreNames.SAMPLES)).isEqualTo(6);
        assertThat(count(StoreNames.EVENTS)).isEqualTo(2);
    }

    @Test
    void storesSamplesAndEventsUnderTheIdsTheyCameWith() {
        Translation instance = Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END));

        repository.write(new WriteBatch(List.of(instance), List.of()));

        Sample memory = instance.samples().stream()
                .filter(s -> s.name().equals("memory"))
                .findFirst()
                .orElseThrow();
        Document stored = db.getCollection(StoreNames.SAMPLES)
                .find(Filters.eq("_id", memory.messageId()))
                .first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("counter_name")).isEqualTo("memory");
        assertThat(stored.getString("counter_type")).isEqualTo("gauge");
        assertThat(((Number) stored.get("counter_volume")).doubleValue()).isEqualTo(512.0);
        assertThat(stored.getString("resource_id")).isEqualTo(INSTANCE);
        assertThat(stored.getString(StoreNames.NOTIFICATION_ID)).isEqualTo(Fixtures.INSTANCE_CREATE_END);
        assertThat(stored.getDate("timestamp")).isEqualTo(Date.from(Instant.parse("2012-05-08T20:23:48.028Z")));
        assertThat(stored.getString("timestamp_iso")).isEqualTo("2012-05-08T20:23:48.028195Z");
        assertThat(stored.getDate(StoreNames.RECORDED_AT)).isEqualTo(Date.from(NOW));
        Document event = db.getCollection(StoreNames.EVENTS)
                .find(Filters.eq("_id", Fixtures.INSTANCE_CREATE_END))
                .first();
        assertThat(event).isNotNull();
        assertThat(event.getString("event_type")).isEqualTo("compute.instance.create.end");
        assertThat(event.getList("traits", Document.class))
                .extracting(t -> t.getString("name"))
                .contains("request_id", "project_id", "tenant_id");
    }

    @Test
    void resourceKeepsTheNewestMetadataWhenAnOlderSampleArrivesLater() {
        Instant older = Instant.parse("2024-05-01T10:00:00.100Z");
        Instant newer = Instant.parse("2024-05-01T11:00:00.200Z");
        ObjectNode newerNotification = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, newer);
        ((ObjectNode) newerNotification.get("payload")).put("display_name", "renamed");
        ObjectNode olderNotification = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, older);
        ((ObjectNode) olderNotification.get("payload")).put("display_name", "original");

        repository.write(new WriteBatch(List.of(Fixtures.translate(newerNotification)), List.of()));
        repository.write(new WriteBatch(List.of(Fixtures.translate(olderNotification)), List.of()));

        Document r = resource(INSTANCE);
        assertThat(r.getDate("first_sample_timestamp")).isEqualTo(Date.from(older));
        assertThat(r.getDate("last_sample_timestamp")).isEqualTo(Date.from(newer));
        assertThat(r.getString("last_sample_timestamp_iso")).isEqualTo(newer.toString());
        assertThat(r.get("metadata", Document.class).getString("display_name")).isEqualTo("renamed");
        assertThat(r.getString("project_id")).isEqualTo("7c150a59fe714e6f9263774af9688f0e");
        assertThat(r.getString("source")).isEqualTo(Sample.DEFAULT_SOURCE);
        assertThat(r.getList("meters", Document.class))
                .extracting(m -> m.getString("counter_name"))
                .containsExactlyInAnyOrder(
                        "memory", "vcpus", "disk.root.size", "disk.ephemeral.size", "compute.instance.booting.time");
    }

    @Test
    void resourceTakesTheMetadataOfANewerSample() {
        Instant first = Instant.parse("2024-05-01T10:00:00Z");
        Instant second = Instant.parse("2024-05-02T10:00:00Z");
        ObjectNode a = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, first);
        ((ObjectNode) a.get("payload")).put("display_name", "original");
        ObjectNode b = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, second);
        ((ObjectNode) b.get("payload")).put("display_name", "renamed");

        repository.write(new WriteBatch(List.of(Fixtures.translate(a)), List.of()));
        repository.write(new WriteBatch(List.of(Fixtures.translate(b)), List.of()));

        Document r = resource(INSTANCE);
        assertThat(r.getDate("first_sample_timestamp")).isEqualTo(Date.from(first));
        assertThat(r.getDate("last_sample_timestamp")).isEqualTo(Date.from(second));
        assertThat(r.get("metadata", Document.class).getString("display_name")).isEqualTo("renamed");
    }

    @Test
    void resourceTakesTheNewestMetadataOfOneBatchWhateverItsOrder() {
        Instant older = Instant.parse("2024-05-01T10:00:00Z");
        Instant newer = Instant.parse("2024-05-01T10:00:01Z");
        ObjectNode n = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, newer);
        ((ObjectNode) n.get("payload")).put("display_name", "renamed");
        ObjectNode o = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, older);
        ((ObjectNode) o.get("payload")).put("display_name", "original");

        repository.write(new WriteBatch(List.of(Fixtures.translate(n), Fixtures.translate(o)), List.of()));

        Document r = resource(INSTANCE);
        assertThat(r.getDate("first_sample_timestamp")).isEqualTo(Date.from(older));
        assertThat(r.getDate("last_sample_timestamp")).isEqualTo(Date.from(newer));
        assertThat(r.get("metadata", Document.class).getString("display_name")).isEqualTo("renamed");
    }

    @Test
    void replayingAnOlderBatchAfterANewerOneChangesNoResource() {
        Translation older = Fixtures.translate(
                Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, Instant.parse("2024-05-01T10:00:00Z")));
        ObjectNode newerNotification =
                Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, Instant.parse("2024-05-03T10:00:00Z"));
        ((ObjectNode) newerNotification.get("payload")).put("display_name", "renamed");
        Translation newer = Fixtures.translate(newerNotification);
        repository.write(new WriteBatch(List.of(older), List.of()));
        repository.write(new WriteBatch(List.of(newer), List.of()));
        Document before = resource(INSTANCE);

        repository.write(new WriteBatch(List.of(older), List.of()));
        repository.write(new WriteBatch(List.of(newer), List.of()));

        assertThat(resource(INSTANCE)).isEqualTo(before);
    }

    @Test
    void storesPayloadKeysWithDotsAndLeadingDollarsEscaped() {
        ObjectNode upload = Fixtures.notification(Fixtures.IMAGE_UPLOAD);
        ObjectNode payload = (ObjectNode) upload.get("payload");
        ObjectNode properties = (ObjectNode) payload.get("properties");
        properties.put("org.openstack__1__os_distro", "ubuntu");
        properties.put("$schema", "v2");
        payload.put("org.openstack__1__architecture", "x86_64");
        payload.put("$ref", "/v2/images/cccccccc");
        payload.putArray("block_device_mapping")
                .addObject()
                .put("boot.index", 0)
                .put("$id", "bdm-1");
        Translation t = Fixtures.translate(upload);

        WriteOutcome outcome = repository.write(new WriteBatch(List.of(t), List.of()));

        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.duplicates()).isZero();
        Document sample = db.getCollection(StoreNames.SAMPLES)
                .find(Filters.eq("counter_name", "image.size"))
                .first();
        assertThat(sample).isNotNull();
        Document metadata = sample.get("resource_metadata", Document.class);
        assertThat(metadata.getString(FieldNames.escape("org.openstack__1__architecture")))
                .isEqualTo("x86_64");
        assertThat(metadata.getString(FieldNames.escape("$ref"))).isEqualTo("/v2/images/cccccccc");
        Document storedProperties = metadata.get("properties", Document.class);
        assertThat(storedProperties.getString(FieldNames.escape("org.openstack__1__os_distro")))
                .isEqualTo("ubuntu");
        assertThat(storedProperties.getString(FieldNames.escape("$schema"))).isEqualTo("v2");
        assertThat(unescapedKeys(metadata)).containsAll(keys(payload));
        Document resourceMetadata = resource("cccccccc-cccc-cccc-cccccccccccc").get("metadata", Document.class);
        assertThat(unescapedKeys(resourceMetadata)).containsAll(keys(payload));
    }

    @Test
    void storesDeadLettersWithReasonBinaryBodyAndBodyText() {
        byte[] text = "{\"oslo.version\": \"1.0\", \"oslo.message\": \"{}\"}".getBytes(StandardCharsets.UTF_8);
        byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b};
        WriteBatch batch =
                new WriteBatch(List.of(), List.of(deadLetter("dl-text", text), deadLetter("dl-bin", binary)));

        WriteOutcome first = repository.write(batch);
        WriteOutcome again = repository.write(batch);

        assertThat(first).isEqualTo(new WriteOutcome(2, 0, Map.of()));
        assertThat(again).isEqualTo(new WriteOutcome(2, 2, Map.of()));
        assertThat(count(StoreNames.DEAD_LETTERS)).isEqualTo(2);
        Document t = db.getCollection(StoreNames.DEAD_LETTERS)
                .find(Filters.eq("_id", "dl-text"))
                .first();
        assertThat(t.getString("reason")).isEqualTo("not-json");
        assertThat(t.getString("detail")).isEqualTo("body is not valid JSON: Unexpected character");
        assertThat(t.getString("origin")).isEqualTo("rabbitmq:nova/notifications.info");
        assertThat(t.getDate("received")).isEqualTo(Date.from(Instant.parse("2024-06-01T11:59:59.123Z")));
        assertThat(t.get("body", Binary.class).getData()).isEqualTo(text);
        assertThat(t.getString("body_text")).isEqualTo(new String(text, StandardCharsets.UTF_8));
        assertThat(((Number) t.get("size")).intValue()).isEqualTo(text.length);
        Document b = db.getCollection(StoreNames.DEAD_LETTERS)
                .find(Filters.eq("_id", "dl-bin"))
                .first();
        assertThat(b.get("body", Binary.class).getData()).isEqualTo(binary);
        assertThat(b.containsKey("body_text")).isTrue();
        assertThat(b.get("body_text"))
                .as("a body that is not UTF-8 has no text")
                .isNull();
    }

    @Test
    void dataSurvivesClosingAndReopeningTheStore() {
        Translation instance = Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END));
        repository.write(new WriteBatch(List.of(instance), List.of(deadLetter("dl-1", new byte[] {1, 2, 3}))));

        close();
        open();

        assertThat(count(StoreNames.SAMPLES)).isEqualTo(5);
        assertThat(count(StoreNames.EVENTS)).isEqualTo(1);
        assertThat(count(StoreNames.DEAD_LETTERS)).isEqualTo(1);
        assertThat(resource(INSTANCE).getString("last_sample_timestamp_iso")).isEqualTo("2012-05-08T20:23:48.028195Z");
        assertThat(repository
                        .write(new WriteBatch(List.of(instance), List.of()))
                        .duplicates())
                .as("the reopened store still knows the ids")
                .isEqualTo(6);
    }

    @Test
    void acknowledgedWritesSurviveAProcessThatDiesWithoutClosingTheStore() throws Exception {
        close();
        Path log = Files.createTempFile(dir, "crash", ".log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        CrashAfterWrite.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean exited = child.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        assertThat(exited)
                .as("the writing process exited; its output: %s", read(log))
                .isTrue();
        assertThat(child.exitValue())
                .as("the writing process halted after its write; output: %s", read(log))
                .isEqualTo(CrashAfterWrite.HALTED);
        open();

        assertThat(count(StoreNames.SAMPLES)).isEqualTo(5);
        assertThat(count(StoreNames.EVENTS)).isEqualTo(1);
        assertThat(resource(INSTANCE)).isNotNull();
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        collect(node, keys);
        return keys;
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                keys.add(e.getKey());
                collect(e.getValue(), keys);
            });
        } else if (node.isArray()) {
            node.forEach(e -> collect(e, keys));
        }
    }

    private static Set<String> unescapedKeys(Object value) {
        Set<String> keys = new HashSet<>();
        List<Object> todo = new ArrayList<>(List.of(value));
        while (!todo.isEmpty()) {
            Object v = todo.remove(todo.size() - 1);
            if (v instanceof Document d) {
                d.forEach((k, child) -> {
                    keys.add(FieldNames.unescape(k));
                    todo.add(child);
                });
            } else if (v instanceof List<?> list) {
                todo.addAll(list);
            }
        }
        return keys;
    }
}
