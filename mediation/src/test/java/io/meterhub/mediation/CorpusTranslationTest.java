package io.meterhub.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.event.DefaultTraitsEventConverter;
import io.meterhub.mediation.meter.BuiltInMeters;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import io.meterhub.model.Translation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every real notification of the corpus, decoded from both wire forms and translated, against what real Ceilometer
 * 19 made of it.
 */
class CorpusTranslationTest {

    private static final Set<String> BUILT_IN_METERS = Set.of(
            "memory",
            "vcpus",
            "disk.root.size",
            "disk.ephemeral.size",
            "compute.instance.booting.time",
            "volume.size",
            "image.size");
    /**
     * The default traits whose source no per-type definition of Ceilometer's event_definitions.yaml changes for the
     * corpus. project_id comes from per-type fields for image.* (payload.owner) and neutron (ctxt.tenant_id): the
     * event-definitions engine compares every trait.
     */
    private static final List<String> COMPARED_TRAITS = List.of("request_id", "tenant_id");

    private static final double VOLUME_TOLERANCE = 1e-9;

    /** The sample fields Ceilometer's output and ours are compared on. */
    record SampleKey(
            String messageId,
            String name,
            String type,
            String unit,
            Double volume,
            String resourceId,
            String projectId,
            String userId,
            Instant timestamp) {

        boolean sameAs(SampleKey o) {
            return messageId.equals(o.messageId)
                    && name.equals(o.name)
                    && type.equals(o.type)
                    && Objects.equals(unit, o.unit)
                    && Objects.equals(resourceId, o.resourceId)
                    && Objects.equals(projectId, o.projectId)
                    && Objects.equals(userId, o.userId)
                    && timestamp.equals(o.timestamp)
                    && (volume == null
                            ? o.volume == null
                            : o.volume != null && Math.abs(volume - o.volume) <= VOLUME_TOLERANCE);
        }
    }

    private static List<String> lines;
    /** The notifications the decoder accepted, as lines of the corpus. */
    private static List<String> decoded;

    private static List<Translation> bare;
    private static List<Translation> enveloped;
    /** message id to "reason: detail" of each notification refused in either form. */
    private static Map<String, String> refused;

    @BeforeAll
    static void translateTheCorpus() throws Exception {
        lines = read("/corpus/notifications.jsonl");
        EnvelopeDecoder decoder = new EnvelopeDecoder(2 * 1024 * 1024);
        decoded = new ArrayList<>();
        bare = new ArrayList<>();
        enveloped = new ArrayList<>();
        refused = new LinkedHashMap<>();
        for (String line : lines) {
            Notification v1;
            Notification v2;
            try {
                v1 = decoder.decode(line.getBytes(StandardCharsets.UTF_8));
                v2 = decoder.decode(v2(line));
            } catch (RejectedMessageException e) {
                refused.put(json(line).path("message_id").asText(), e.reason().code() + ": " + e.getMessage());
                continue;
            }
            decoded.add(line);
            bare.add(translator().translate(v1));
            enveloped.add(translator().translate(v2));
        }
    }

    private static NotificationTranslator translator() {
        return new DefaultNotificationTranslator(BuiltInMeters.all(), new DefaultTraitsEventConverter());
    }

    @Test
    void decodesEveryNotificationCeilometerCouldRead() {
        assertThat(lines).hasSize(457);
        Set<String> ceilometerMadeSomething = new HashSet<>(expectedEvents().keySet());
        read("/corpus/ceilometer-samples.jsonl")
                .forEach(l ->
                        ceilometerMadeSomething.add(json(l).path("message_id").asText()));

        assertThat(refused.keySet())
                .as("refused notifications Ceilometer made samples or events of: %s", refused)
                .doesNotContainAnyElementsOf(ceilometerMadeSomething);
        assertThat(refused.values())
                .as("refusals other than an unparsable timestamp")
                .allMatch(why -> why.startsWith("bad-timestamp: "));
        assertThat(bare).hasSize(lines.size() - refused.size());
        assertThat(enveloped).hasSize(bare.size());
    }

    @Test
    void refusesOnlyTheNotificationsWhoseTimestampIsNotIsoEvenToPython() {
        assertThat(refused)
                .containsOnlyKeys(
                        "0ab6d71f-ba0a-4501-86fe-6cc20521ef5a",
                        "914eb601-9390-4a72-8629-f013a4c84467",
                        "04aa45e1-3c30-4c69-8638-e7ff8621e9bc",
                        "c7e6f9fd-ead2-415f-8493-b95bedf72e43",
                        "eded6512-6715-46a5-b85f-f34ec95cfca4");
    }

    @Test
    void bareAndEnvelopedFormsTranslateAlike() {
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < bare.size(); i++) {
            Translation a = bare.get(i);
            Translation b = enveloped.get(i);
            if (!a.samples().equals(b.samples()) || !a.events().equals(b.events())) {
                differing.add(a.source().messageId() + " " + a.source().eventType());
            }
        }
        assertThat(differing)
                .as("notifications translated differently as v1 and v2")
                .isEmpty();
    }

    @Test
    void makesTheSamplesCeilometerMadeForTheBuiltInMeters() {
        List<SampleKey> expected = read("/corpus/ceilometer-samples.jsonl").stream()
                .map(CorpusTranslationTest::json)
                .filter(s -> BUILT_IN_METERS.contains(s.path("name").asText()))
                .map(CorpusTranslationTest::expectedSample)
                .toList();
        assertThat(expected).as("Ceilometer's samples of the built-in meters").hasSize(316);

        for (List<Translation> form : List.of(bare, enveloped)) {
            List<SampleKey> actual = form.stream()
                    .flatMap(t -> t.samples().stream().map(s -> actualSample(t, s)))
                    .toList();
            assertSameMultiset(actual, expected);
        }
    }

    @Test
    void makesOneEventPerNotificationIdentifiedByItsMessageId() {
        List<String> wrong = new ArrayList<>();
        for (Translation t : bare) {
            List<Event> events = t.events();
            if (events.size() != 1
                    || !events.get(0).messageId().equals(t.source().messageId())
                    || !events.get(0).eventType().equals(t.source().eventType())) {
                wrong.add(t.source().messageId() + " " + t.source().eventType() + " -> " + events);
            }
        }
        assertThat(wrong)
                .as("notifications without exactly one event of their own id and type")
                .isEmpty();
    }

    @Test
    void eventsHaveTheTypeAndGenerationTimeCeilometerGaveThem() {
        Map<String, JsonNode> expected = expectedEvents();
        assertThat(expected).hasSize(451);
        Map<String, Event> ours = ourEvents();

        List<String> differing = new ArrayList<>();
        expected.forEach((id, e) -> {
            Event event = ours.get(id);
            Instant generated = instant(e.path("generated").asText());
            if (event == null) {
                differing.add(id + ": no event; Ceilometer made "
                        + e.path("event_type").asText());
            } else if (!event.eventType().equals(e.path("event_type").asText())
                    || !event.generated().equals(generated)) {
                differing.add(id + ": ours (" + event.eventType() + ", " + event.generated() + ") vs Ceilometer's ("
                        + e.path("event_type").asText() + ", " + generated + ")");
            }
        });
        assertThat(differing).as("events differing from Ceilometer's").isEmpty();
    }

    @Test
    void eventsHaveCeilometersRequestAndTenantTraits() {
        Map<String, Event> ours = ourEvents();
        List<String> differing = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : expectedEvents().entrySet()) {
            Event event = ours.get(e.getKey());
            Map<String, Trait> traits = event == null
                    ? Map.of()
                    : event.traits().stream().collect(Collectors.toMap(Trait::name, t -> t, (a, b) -> a));
            for (JsonNode trait : e.getValue().path("traits")) {
                String name = trait.get(0).asText();
                if (!COMPARED_TRAITS.contains(name) || trait.get(1).asInt() != TraitType.TEXT.code()) {
                    continue;
                }
                compared++;
                String theirs = trait.get(2).asText();
                Trait mine = traits.get(name);
                if (mine == null || mine.type() != TraitType.TEXT || !theirs.equals(mine.value())) {
                    differing.add(e.getKey() + " "
                            + e.getValue().path("event_type").asText() + " " + name
                            + ": ours " + (mine == null ? "absent" : mine.type().wireName() + " '" + mine.value() + "'")
                            + ", Ceilometer's '" + theirs + "'");
                }
            }
        }
        assertThat(compared).as("text traits compared").isGreaterThan(0);
        assertThat(differing).as("traits differing from Ceilometer's").isEmpty();
    }

    @Test
    void sampleIdsAreTheSameWhenTheSameNotificationIsTranslatedAgain() throws Exception {
        EnvelopeDecoder decoder = new EnvelopeDecoder(2 * 1024 * 1024);
        List<String> unstable = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            Translation again =
                    translator().translate(decoder.decode(decoded.get(i).getBytes(StandardCharsets.UTF_8)));
            List<String> first =
                    bare.get(i).samples().stream().map(Sample::messageId).toList();
            List<String> second =
                    again.samples().stream().map(Sample::messageId).toList();
            if (!first.equals(second)) {
                unstable.add(again.source().messageId() + ": " + first + " then " + second);
            }
        }
        assertThat(unstable).as("notifications whose sample ids changed").isEmpty();
    }

    @Test
    void sampleIdsAreDistinctAcrossMetersAndNotifications() {
        List<Sample> all = bare.stream().flatMap(t -> t.samples().stream()).toList();
        Map<String, List<String>> byId = new LinkedHashMap<>();
        all.forEach(s -> byId.computeIfAbsent(s.messageId(), k -> new ArrayList<>())
                .add(s.name() + "/" + s.resourceId() + "@" + s.timestamp()));
        Map<String, List<String>> shared = byId.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(all).hasSizeGreaterThan(300);
        assertThat(shared).as("sample ids shared by several samples").isEmpty();
        Set<String> notificationIds = new HashSet<>();
        bare.forEach(t -> notificationIds.add(t.source().messageId()));
        assertThat(byId.keySet())
                .as("sample ids equal to a notification id")
                .doesNotContainAnyElementsOf(notificationIds);
    }

    @Test
    void oneInstanceNotificationMakesOneSampleIdPerMeter() {
        Translation create = bare.stream()
                .filter(t -> t.source().messageId().equals("dae6f69c-00e0-41c0-b371-41ec3b7f4451"))
                .findFirst()
                .orElseThrow();

        assertThat(create.samples())
                .extracting(Sample::name)
                .containsExactlyInAnyOrder(
                        "memory", "vcpus", "disk.root.size", "disk.ephemeral.size", "compute.instance.booting.time");
        assertThat(create.samples()).extracting(Sample::messageId).doesNotHaveDuplicates();
    }

    private static void assertSameMultiset(List<SampleKey> actual, List<SampleKey> expected) {
        List<SampleKey> missing = new ArrayList<>(expected);
        List<SampleKey> extra = new ArrayList<>();
        for (SampleKey a : actual) {
            int match = -1;
            for (int i = 0; i < missing.size() && match < 0; i++) {
                if (missing.get(i).sameAs(a)) {
                    match = i;
                }
            }
            if (match >= 0) {
                missing.remove(match);
            } else {
                extra.add(a);
            }
        }
        assertThat(missing.size() + extra.size())
                .as(
                        "samples differing from Ceilometer's%n  Ceilometer made, we did not (%d):%n    %s%n"
                                + "  we made, Ceilometer did not (%d):%n    %s",
                        missing.size(), join(missing), extra.size(), join(extra))
                .isZero();
    }

    private static String join(List<SampleKey> keys) {
        return keys.stream().map(String::valueOf).collect(Collectors.joining(System.lineSeparator() + "    "));
    }

    private static SampleKey expectedSample(JsonNode s) {
        return new SampleKey(
                s.path("message_id").asText(),
                s.path("name").asText(),
                s.path("type").asText(),
                textOrNull(s.path("unit")),
                s.path("volume").isNumber() ? s.path("volume").doubleValue() : null,
                textOrNull(s.path("resource_id")),
                textOrNull(s.path("project_id")),
                textOrNull(s.path("user_id")),
                instant(s.path("timestamp").asText()));
    }

    private static SampleKey actualSample(Translation t, Sample s) {
        return new SampleKey(
                t.source().messageId(),
                s.name(),
                s.type().wireName(),
                s.unit(),
                s.volume() == null ? null : s.volume().doubleValue(),
                s.resourceId(),
                s.projectId(),
                s.userId(),
                s.timestamp());
    }

    private static Map<String, JsonNode> expectedEvents() {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        read("/corpus/ceilometer-events.jsonl").forEach(l -> {
            JsonNode e = json(l);
            events.put(e.path("message_id").asText(), e);
        });
        return events;
    }

    private static Map<String, Event> ourEvents() {
        Map<String, Event> events = new LinkedHashMap<>();
        bare.forEach(t -> t.events().forEach(e -> events.put(e.messageId(), e)));
        return events;
    }

    private static String textOrNull(JsonNode v) {
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    /** Ceilometer's times: ISO-8601 with an offset, or without one (then UTC). Parsed independently of Timestamps. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static byte[] v2(String inner) {
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.put("oslo.version", "2.0");
        envelope.put("oslo.message", inner);
        return envelope.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(String resource) {
        var in = Objects.requireNonNull(CorpusTranslationTest.class.getResourceAsStream(resource), resource);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
