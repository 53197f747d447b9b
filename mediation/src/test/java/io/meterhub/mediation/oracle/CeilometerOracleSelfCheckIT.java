package io.meterhub.mediation.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.oracle.Difference.Kind;
import io.meterhub.mediation.oracle.TranslationDiff.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness holds: real Ceilometer 19 (Debian's python3-ceilometer) run by the oracle over the corpus with its
 * default definitions reproduces the committed record of what it made ({@code /corpus/ceilometer-*.jsonl}), it
 * translates every variant, and {@link TranslationDiff} and {@link OracleCheck} do notice a changed line.
 */
class CeilometerOracleSelfCheckIT {

    /** The committed record has neither resource_metadata nor errors. */
    private static final Options AS_RECORDED = Options.ALL.withoutMetadata().withoutErrors();

    private static List<String> corpus;
    private static List<JsonNode> everyPriority;
    private static List<JsonNode> agent;

    @BeforeAll
    static void runTheOracleOverTheCorpus() {
        corpus = NotificationVariations.corpus();
        OracleRunner runner = new OracleRunner(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS);
        everyPriority = runner.ignoringPriority().run(corpus);
        agent = runner.run(corpus);
    }

    @Test
    void reproducesTheCommittedRecordWhenGivenEveryPriority() {
        DiffReport report = TranslationDiff.compare(CorpusExpectations.lines(), everyPriority, AS_RECORDED);

        assertThat(report.isEmpty()).as("%s", report).isTrue();
        assertThat(count(everyPriority, "sample")).isEqualTo(353);
        assertThat(count(everyPriority, "event")).isEqualTo(451);
    }

    @Test
    void reportsAnErrorForEveryNotificationTheRecordHasNoEventOf() {
        Set<String> withEvents = CorpusExpectations.lines().stream()
                .filter(l -> l.get("kind").asText().equals("event"))
                .map(l -> l.get("message_id").asText())
                .collect(Collectors.toSet());
        Set<String> withoutEvents = corpus.stream()
                .map(l -> OracleJson.parse(l).get("message_id").asText())
                .filter(id -> !withEvents.contains(id))
                .collect(Collectors.toSet());

        assertThat(errors(everyPriority)).isEqualTo(withoutEvents).hasSize(6);
        assertThat(everyPriority)
                .filteredOn(l -> l.get("kind").asText().equals("error"))
                .allSatisfy(l -> assertThat(l.get("reason").asText()).contains("Unable to parse date string"));
    }

    /**
     * The agent routes by priority: its meter endpoint takes no {@code error} notifications, so the samples the
     * record has of the six {@code ERROR}-priority compute.instance.create.error notifications are not made.
     */
    @Test
    void makesNoSamplesOfErrorPriorityNotificationsAsTheAgentDoesNot() {
        Set<String> errorPriority = corpus.stream()
                .map(OracleJson::parse)
                .filter(m -> m.get("priority").asText().equalsIgnoreCase("error"))
                .map(m -> m.get("message_id").asText())
                .collect(Collectors.toSet());

        DiffReport report = TranslationDiff.compare(CorpusExpectations.lines(), agent, AS_RECORDED);

        assertThat(report.counts()).as("%s", report).isEqualTo(Map.of(Kind.SAMPLE_MISSING, 24L));
        assertThat(report.notificationIds()).hasSize(6).allMatch(errorPriority::contains);
        assertThat(TranslationDiff.compare(everyPriority, agent, Options.ALL.withoutMetadata())
                        .counts())
                .isEqualTo(Map.of(Kind.SAMPLE_MISSING, 24L));
    }

    @Test
    void readsASingleMetersFileAsItsDirectory() {
        List<JsonNode> fromFile = new OracleRunner(
                        Definitions.CEILOMETER_METERS.resolve("meters.yaml"), Definitions.CEILOMETER_EVENTS)
                .run(corpus);

        assertThat(TranslationDiff.compare(agent, fromFile).isEmpty()).isTrue();
    }

    @Test
    void noticesOneAlteredSample() {
        List<JsonNode> altered = copy(agent);
        ObjectNode sample = (ObjectNode) altered.stream()
                .filter(l -> l.get("counter_name") != null
                        && l.get("counter_name").asText().equals("memory"))
                .findFirst()
                .orElseThrow();
        sample.put("counter_volume", sample.get("counter_volume").asDouble() + 1);

        DiffReport report = TranslationDiff.compare(agent, altered);

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SAMPLE_DIFFERS);
            assertThat(d.notificationId())
                    .isEqualTo(sample.get("notification_id").asText());
            assertThat(d.detail()).startsWith("\"memory\": counter_volume: ");
        });
    }

    @Test
    void noticesOneAlteredTraitAndOneLostEvent() {
        List<JsonNode> altered = copy(agent);
        List<JsonNode> events = altered.stream()
                .filter(l -> l.get("kind").asText().equals("event"))
                .toList();
        ((ObjectNode) events.get(0).get("traits").get(0)).put("value", "changed");
        altered.remove(events.get(1));

        DiffReport report = TranslationDiff.compare(agent, altered);

        assertThat(report.counts()).isEqualTo(Map.of(Kind.EVENT_DIFFERS, 1L, Kind.EVENT_MISSING, 1L));
        assertThat(report.differences().get(0).detail()).contains("\"changed\"");
    }

    @Test
    void translatesEveryVariantTheSameWayTwiceAndFailsWithTheNoteOfAChangedOne() {
        List<Variant> variants = NotificationVariations.ofCorpus(NotificationVariations.DEFAULT_SEED);
        OracleCheck check = OracleCheck.with(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS);
        List<JsonNode> once = new OracleRunner(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS)
                .run(variants.stream().map(Variant::line).toList());
        System.out.println("Ceilometer 19 over " + variants.size() + " variants (kind: samples, events, errors,"
                + " variants with no output at all):" + System.lineSeparator() + outcomes(variants, once));
        Set<String> ids = variants.stream().map(Variant::messageId).collect(Collectors.toSet());
        assertThat(once)
                .as("every result line is about a variant, errors of unopenable envelopes included")
                .allSatisfy(l -> assertThat(ids).contains(ResultLines.notificationId(l)));

        check.assertSame(lines -> once, variants);

        JsonNode lost = once.stream()
                .filter(l -> l.get("kind").asText().equals("sample"))
                .findFirst()
                .orElseThrow();
        Variant changed = variants.stream()
                .filter(v -> v.messageId().equals(lost.get("notification_id").asText()))
                .findFirst()
                .orElseThrow();
        Function<List<String>, List<JsonNode>> engine =
                lines -> once.stream().filter(l -> l != lost).toList();
        assertThatThrownBy(() -> check.assertSame(engine, variants))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("on 1 of " + variants.size() + " notifications")
                .hasMessageContaining("SAMPLE_MISSING " + changed.messageId() + " [" + changed.note() + "]");
    }

    @Test
    void checksPlainNotificationsThroughTheStaticEntryPoint() {
        List<String> some = corpus.subList(0, 40);
        List<JsonNode> ceilometer =
                new OracleRunner(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS).run(some);

        OracleCheck.assertSameAs(
                lines -> ceilometer, Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS, some);
        assertThatThrownBy(() -> OracleCheck.assertSameAs(
                        lines -> List.of(), Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS, some))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("EVENT_MISSING");
    }

    /** Per variant kind: how many samples, events and errors Ceilometer made, and how many variants made nothing. */
    private static String outcomes(List<Variant> variants, List<JsonNode> results) {
        Map<String, List<JsonNode>> byId = results.stream().collect(Collectors.groupingBy(ResultLines::notificationId));
        Map<String, int[]> byKind = new TreeMap<>();
        for (Variant v : variants) {
            int[] c = byKind.computeIfAbsent(v.note().substring(0, v.note().indexOf(':')), k -> new int[5]);
            List<JsonNode> mine = byId.getOrDefault(v.messageId(), List.of());
            c[0]++;
            c[1] += count(mine, "sample");
            c[2] += count(mine, "event");
            c[3] += count(mine, "error");
            c[4] += mine.isEmpty() ? 1 : 0;
        }
        return byKind.entrySet().stream()
                .map(e -> String.format(
                        "  %-15s %5d variants: %5d samples, %5d events, %4d errors, %4d silent",
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    private static int count(List<JsonNode> lines, String kind) {
        return (int)
                lines.stream().filter(l -> l.get("kind").asText().equals(kind)).count();
    }

    private static Set<String> errors(List<JsonNode> lines) {
        return lines.stream()
                .filter(l -> l.get("kind").asText().equals("error"))
                .map(l -> l.get("message_id").asText())
                .collect(Collectors.toSet());
    }

    private static List<JsonNode> copy(List<JsonNode> lines) {
        List<JsonNode> copy = new ArrayList<>();
        lines.forEach(l -> copy.add(l.deepCopy()));
        return copy;
    }
}
