package io.meterhub.mediation.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.oracle.Difference.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class TranslationDiffTest {

    private static final String SAMPLE =
            """
            {"kind": "sample", "notification_id": "n1", "counter_name": "memory", "counter_type": "gauge",
             "counter_unit": "MB", "counter_volume": 512, "user_id": "u", "project_id": "p", "resource_id": "r",
             "timestamp": "2015-09-25T15:41:14.123456+00:00", "resource_metadata": {"host": "h", "n": 1},
             "message_id": "sample-1", "source": "openstack"}""";
    private static final String EVENT =
            """
            {"kind": "event", "message_id": "n1", "event_type": "compute.instance.create.end",
             "generated": "2015-09-25T15:41:14.123456",
             "traits": [{"name": "service", "type": "text", "value": "compute"},
                        {"name": "memory_mb", "type": "int", "value": 512},
                        {"name": "ratio", "type": "float", "value": 1.5},
                        {"name": "launched_at", "type": "datetime", "value": "2015-09-25T15:40:00"}]}""";
    private static final String ERROR =
            """
            {"kind": "error", "message_id": "n1", "reason": "ValueError: Unable to parse date string"}""";

    @Test
    void findsNothingBetweenEqualTranslations() {
        assertThat(diff(List.of(line(SAMPLE), line(EVENT)), List.of(line(EVENT), line(SAMPLE)))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void comparesVolumesNumerically() {
        assertThat(diff(List.of(line(SAMPLE)), List.of(with(SAMPLE, s -> s.put("counter_volume", 512.0))))
                        .isEmpty())
                .isTrue();
        assertThat(diff(
                                List.of(with(SAMPLE, s -> s.put("counter_volume", 0.1))),
                                List.of(with(SAMPLE, s -> s.put("counter_volume", new java.math.BigDecimal("0.100")))))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void tellsANumericStringFromANumber() {
        DiffReport report = diff(List.of(line(SAMPLE)), List.of(with(SAMPLE, s -> s.put("counter_volume", "512"))));

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SAMPLE_DIFFERS);
            assertThat(d.detail()).contains("counter_volume: 512 -> \"512\"");
        });
    }

    @Test
    void keepsHugeIntegersExact() {
        DiffReport report = diff(
                List.of(with(SAMPLE, s -> s.put("counter_volume", new java.math.BigInteger("100000000000000000001")))),
                List.of(with(SAMPLE, s -> s.put("counter_volume", 1e20))));

        assertThat(report.counts()).containsEntry(Kind.SAMPLE_DIFFERS, 1L);
    }

    @Test
    void comparesTimestampsAsInstants() {
        for (String same : List.of(
                "2015-09-25T15:41:14.123456Z", "2015-09-25T17:41:14.123456+02:00", "2015-09-25T15:41:14.123456")) {
            assertThat(diff(List.of(line(SAMPLE)), List.of(with(SAMPLE, s -> s.put("timestamp", same)))))
                    .as(same)
                    .matches(DiffReport::isEmpty);
        }
        DiffReport report =
                diff(List.of(line(SAMPLE)), List.of(with(SAMPLE, s -> s.put("timestamp", "2015-09-25T15:41:14.123Z"))));
        assertThat(report.differences()).singleElement().satisfies(d -> assertThat(d.detail())
                .contains("timestamp: 2015-09-25T15:41:14.123456Z -> 2015-09-25T15:41:14.123Z"));
    }

    @Test
    void comparesSamplesAsAMultiset() {
        DiffReport report = diff(List.of(line(SAMPLE), line(SAMPLE)), List.of(line(SAMPLE)));

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SAMPLE_MISSING);
            assertThat(d.notificationId()).isEqualTo("n1");
        });
    }

    @Test
    void ignoresTheSamplesOwnIdAndSource() {
        assertThat(diff(List.of(line(SAMPLE)), List.of(with(SAMPLE, s -> s.put("message_id", "other")
                        .put("source", "meterhub")))))
                .matches(DiffReport::isEmpty);
    }

    @Test
    void reportsSamplesMadeOnlyOnOneSide() {
        ObjectNode disk = with(SAMPLE, s -> s.put("counter_name", "disk.root.size"));

        DiffReport report = diff(List.of(line(SAMPLE), line(EVENT)), List.of(disk, line(EVENT)));

        assertThat(report.counts()).isEqualTo(Map.of(Kind.SAMPLE_MISSING, 1L, Kind.SAMPLE_EXTRA, 1L));
    }

    @Test
    void comparesResourceMetadataUnlessSwitchedOff() {
        List<JsonNode> actual = List.of(with(SAMPLE, s -> ((ObjectNode) s.get("resource_metadata"))
                .put("n", 1.0)
                .put("host", "other")
                .put("added", true)));

        DiffReport report = diff(List.of(line(SAMPLE)), actual);

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.SAMPLE_METADATA);
            assertThat(d.detail()).contains("only actual [added]", "host: \"h\" -> \"other\"");
            assertThat(d.detail()).doesNotContain("n: ");
        });
        assertThat(TranslationDiff.compare(
                        List.of(line(SAMPLE)), actual, TranslationDiff.Options.ALL.withoutMetadata()))
                .matches(DiffReport::isEmpty);
    }

    @Test
    void comparesTraitsAsASetWithDatetimesAsInstantsAndNumbersNumerically() {
        ObjectNode reordered = with(EVENT, e -> {
            List<JsonNode> traits = new ArrayList<>();
            e.get("traits").forEach(traits::add);
            java.util.Collections.reverse(traits);
            e.putArray("traits").addAll(traits);
            ((ObjectNode) e.get("traits").get(0)).put("value", "2015-09-25T17:40:00+02:00");
            ((ObjectNode) e.get("traits").get(1)).put("value", 1.50);
            e.put("generated", "2015-09-25T15:41:14.123456Z");
        });

        assertThat(diff(List.of(line(EVENT)), List.of(reordered))).matches(DiffReport::isEmpty);
    }

    @Test
    void namesTheTraitsThatDiffer() {
        ObjectNode other = with(EVENT, e -> {
            ((ObjectNode) e.get("traits").get(1)).put("type", "text").put("value", "512");
            e.put("event_type", "compute.instance.create.start");
        });

        DiffReport report = diff(List.of(line(EVENT)), List.of(other));

        assertThat(report.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(Kind.EVENT_DIFFERS);
            assertThat(d.detail())
                    .contains("event_type: \"compute.instance.create.end\" -> \"compute.instance.create.start\"")
                    .contains("traits only expected: [memory_mb:int=512]")
                    .contains("traits only actual: [memory_mb:text=\"512\"]");
        });
    }

    @Test
    void reportsAnErrorAgainstSilenceApartFromAnErrorAgainstOutput() {
        assertThat(diff(List.of(line(ERROR)), List.of()).differences())
                .extracting(Difference::kind)
                .containsExactly(Kind.ERROR_VS_NO_OUTPUT);
        assertThat(diff(List.of(line(ERROR)), List.of(line(EVENT))).counts())
                .isEqualTo(Map.of(Kind.EVENT_EXTRA, 1L, Kind.ERROR_VS_OUTPUT, 1L));
        assertThat(TranslationDiff.compare(
                        List.of(), List.of(line(ERROR)), TranslationDiff.Options.ALL.withoutErrors()))
                .matches(DiffReport::isEmpty);
    }

    @Test
    void doesNotCompareTheReasonsOfErrors() {
        assertThat(diff(List.of(line(ERROR)), List.of(with(ERROR, e -> e.put("reason", "bad-timestamp")))))
                .matches(DiffReport::isEmpty);
    }

    @Test
    void rendersTheFirstDifferencesWithTheirNotes() {
        List<JsonNode> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "n" + i;
            expected.add(with(SAMPLE, s -> s.put("notification_id", id)));
        }

        String text = diff(expected, List.of()).render(2, id -> "variant of " + id);

        assertThat(text)
                .startsWith("5 differences {SAMPLE_MISSING=5} in 5 notifications; the first 2:")
                .contains("1. SAMPLE_MISSING n0 [variant of n0]", "2. SAMPLE_MISSING n1 [variant of n1]")
                .contains("\"memory\" \"gauge\" \"MB\" volume=512")
                .doesNotContain("n2");
    }

    @Test
    void refusesLinesOfNoKnownKind() {
        assertThatThrownBy(() -> diff(List.of(line("{\"kind\": \"samples\"}")), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a sample, event or error line");
    }

    private static DiffReport diff(List<JsonNode> expected, List<JsonNode> actual) {
        return TranslationDiff.compare(expected, actual);
    }

    private static ObjectNode line(String json) {
        return OracleJson.object(json);
    }

    private static ObjectNode with(String json, Consumer<ObjectNode> change) {
        ObjectNode node = line(json);
        change.accept(node);
        return node;
    }
}
