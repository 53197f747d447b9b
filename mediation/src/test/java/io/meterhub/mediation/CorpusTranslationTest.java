package io.meterhub.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every real notification of the corpus, decoded from both wire forms and translated with the shipped definitions,
 * against what real Ceilometer 19.0.0 made of it with its own. The only differences allowed are those of the two
 * definition files, listed in {@link ShippedDefinitions} (and the README).
 */
class CorpusTranslationTest {

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

    private static final NotificationTranslator TRANSLATOR = Translators.create(MediationSettings.defaults());

    private static NotificationTranslator translator() {
        return TRANSLATOR;
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
    void makesTheSamplesCeilometerMade() {
        Map<String, JsonNode> notifications = new LinkedHashMap<>();
        decoded.forEach(l -> notifications.put(json(l).path("message_id").asText(), json(l)));
        List<SampleKey> expected = read("/corpus/ceilometer-samples.jsonl").stream()
                .map(CorpusTranslationTest::json)
                .map(s -> ShippedDefinitions.asShipped(
                        expectedSample(s),
                        notifications.get(s.path("message_id").asText())))
                .toList();
        assertThat(expected).as("Ceilometer's samples").hasSize(353);

        for (List<Translation> form : List.of(bare, enveloped)) {
            List<SampleKey> actual = form.stream()
                    .flatMap(t -> t.samples().stream().map(s -> actualSample(t, s)))
                    .toList();
            assertSameMultiset(actual, expected);
        }
    }

    @Test
    void evaluatesTheIdentityAuthenticateNameCeilometer19LeavesRaw() {
        List<String> names = bare.stream()
                .filter(t -> t.source().eventType().equals("identity.authenticate"))
                .flatMap(t -> t.samples().stream().map(Sample::name))
                .toList();
        assertThat(names).hasSize(4).allMatch(n -> n.matches("identity\\.authenticate\\.(success|failure|pending)"));
    }

    @Test
    void makesOneEventPerNotificationIdentifiedByItsMessageId() {
        List<String> wrong = new ArrayList<>();
        for (Translation t : bare) {
            List<Event> events = t.events();
            if (!t.problems().isEmpty()) {
                continue; // see eventsCeilometerCouldNotMakeAreRecordedAsProblems
            }
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
    void eventsCeilometerCouldNotMakeAreRecordedAsProblems() {
        List<Translation> partial =
                bare.stream().filter(t -> !t.problems().isEmpty()).toList();
        assertThat(partial).singleElement().satisfies(t -> {
            assertThat(t.source().eventType()).isEqualTo("objectstore.http.request");
            assertThat(t.events()).isEmpty();
            assertThat(t.samples()).isNotEmpty();
            assertThat(t.problems())
                    .containsExactly("event: trait eventTime (datetime): datetime value '2015-01-30T16: 38: 43.233621'"
                            + " is not ISO 8601");
        });
        assertThat(expectedEvents()).doesNotContainKey(partial.get(0).source().messageId());
    }

    @Test
    void eventsEqualCeilometersWithEveryTrait() {
        Map<String, JsonNode> expected = expectedEvents();
        assertThat(expected).hasSize(451);
        Map<String, Event> ours = ourEvents();

        List<String> differing = new ArrayList<>();
        int traitsCompared = 0;
        for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
            String id = e.getKey();
            JsonNode theirs = e.getValue();
            Event event = ours.get(id);
            String type = theirs.path("event_type").asText();
            if (event == null) {
                differing.add(id + ": no event; Ceilometer made " + type);
                continue;
            }
            if (!event.eventType().equals(type)
                    || !event.generated()
                            .equals(instant(theirs.path("generated").asText()))) {
                differing.add(id + ": ours (" + event.eventType() + ", " + event.generated() + ") vs Ceilometer's ("
                        + type + ", " + theirs.path("generated").asText() + ")");
            }
            Map<String, String> mine = new TreeMap<>();
            event.traits().stream()
                    .filter(t -> !ShippedDefinitions.changedTraits(type).contains(t.name()))
                    .forEach(t -> mine.put(t.name(), traitText(t)));
            Map<String, String> their = new TreeMap<>();
            for (JsonNode t : theirs.path("traits")) {
                if (!ShippedDefinitions.changedTraits(type).contains(t.get(0).asText())) {
                    their.put(t.get(0).asText(), expectedTraitText(t));
                }
            }
            traitsCompared += their.size();
            if (!mine.equals(their)) {
                differing.add(id + " " + type + ":\n      ours        " + mine + "\n      Ceilometer's " + their);
            }
        }
        assertThat(traitsCompared).as("traits compared").isGreaterThan(4000);
        assertThat(differing)
                .as("events differing from Ceilometer's:%n    %s", String.join("\n    ", differing))
                .isEmpty();
    }

    @Test
    void shippedDefinitionsAddTheirNewTraits() {
        Map<String, Event> ours = ourEvents();
        Event zone = ours.values().stream()
                .filter(e -> e.eventType().equals("dns.zone.create"))
                .findFirst()
                .orElseThrow();
        assertThat(zone.traits()).extracting(Trait::name).contains("resource_id", "name", "email", "serial");
        assertThat(ours.values().stream()
                        .filter(e -> e.eventType().startsWith("compute.instance."))
                        .flatMap(e -> e.traits().stream())
                        .map(Trait::name))
                .contains("instance_flavor_id");
    }

    /** A trait as "type:value", datetimes as instants, numbers as doubles. */
    private static String traitText(Trait t) {
        return switch (t.type()) {
            case INT, FLOAT -> t.type().wireName() + ":" + ((Number) t.value()).doubleValue();
            default -> t.type().wireName() + ":" + t.value();
        };
    }

    private static String expectedTraitText(JsonNode t) {
        TraitType type = TraitType.values()[t.get(1).asInt() - 1];
        JsonNode v = t.get(2);
        return switch (type) {
            case INT, FLOAT -> type.wireName() + ":" + v.asDouble();
            case DATETIME -> type.wireName() + ":" + instant(v.asText());
            case TEXT -> type.wireName() + ":" + v.asText();
        };
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
    void theSampleIdsOfEachNotificationBeginWithItsTimestampAndAreNeighbours() {
        List<String> apart = new ArrayList<>();
        for (Translation t : bare) {
            Set<Long> highs = new HashSet<>();
            for (Sample s : t.samples()) {
                UUID id = UUID.fromString(s.messageId());
                highs.add(id.getMostSignificantBits());
                if (id.version() != 8
                        || id.getMostSignificantBits() >>> 16
                                != t.source().timestamp().toEpochMilli()) {
                    apart.add(t.source().messageId() + ": " + id + " at "
                            + t.source().timestamp());
                }
            }
            if (highs.size() > 1) {
                apart.add(t.source().messageId() + ": " + highs.size() + " different first halves");
            }
        }
        assertThat(bare.stream().filter(t -> t.samples().size() > 1)).hasSizeGreaterThan(50);
        assertThat(apart).isEmpty();
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
