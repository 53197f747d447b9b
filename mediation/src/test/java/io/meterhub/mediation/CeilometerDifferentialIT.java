package io.meterhub.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.meter.UserMetadata;
import io.meterhub.mediation.oracle.Definitions;
import io.meterhub.mediation.oracle.DeliberateDifferences;
import io.meterhub.mediation.oracle.DiffReport;
import io.meterhub.mediation.oracle.Difference;
import io.meterhub.mediation.oracle.NotificationVariations;
import io.meterhub.mediation.oracle.OracleCheck;
import io.meterhub.mediation.oracle.OracleJson;
import io.meterhub.mediation.oracle.Variant;
import io.meterhub.mediation.translate.TranslateRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The engine against REAL Ceilometer 19 (Debian's python3-ceilometer, run by {@link OracleCheck}) with the same
 * definition files: the corpus and thousands of variations of it Ceilometer's authors never saw (timestamps in
 * other forms, fields removed or replaced by null, '' and numbers in text, unicode, sibling and unknown event types,
 * large payloads, other priorities and wire forms). Samples (resource_metadata included), events with every trait,
 * and which notifications are refused must all be the same.
 */
class CeilometerDifferentialIT {

    @Test
    void translatesTheCorpusAsCeilometer19WithItsOwnDefinitions() {
        OracleCheck.with(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS)
                .everyPriority()
                .assertSame(
                        engine(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS),
                        OracleCheck.asVariants(NotificationVariations.corpus()));
    }

    /**
     * Thousands of variations: every difference from Ceilometer must be one of the deliberate, documented ones
     * ({@link DeliberateDifferences}, README "Deliberate differences from Ceilometer 19"); the full report, with how
     * each variant was made and which rule explains each difference, is written to
     * target/ceilometer-differences.txt. {@code -Dvariations.seed=N} runs another set of variations.
     */
    @Test
    void variationsOfTheCorpusDifferOnlyDeliberately() {
        long seed = Long.getLong("variations.seed", NotificationVariations.DEFAULT_SEED);
        List<Variant> variants = NotificationVariations.ofCorpus(seed);
        List<JsonNode> engineLines = new ArrayList<>();
        Function<List<String>, List<JsonNode>> engine =
                engine(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS);
        DiffReport report = OracleCheck.with(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS)
                .everyPriority()
                .compare(
                        lines -> {
                            List<JsonNode> out = engine.apply(lines);
                            engineLines.addAll(out);
                            return out;
                        },
                        variants);
        DeliberateDifferences deliberate = new DeliberateDifferences(engineLines, report.differences());
        Map<String, String> notes =
                variants.stream().collect(Collectors.toMap(Variant::messageId, Variant::note, (a, b) -> a));
        Map<String, String> explained = new HashMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        List<Difference> unexplained = new ArrayList<>();
        for (Difference d : report.differences()) {
            Optional<DeliberateDifferences.Rule> rule = deliberate.explain(d);
            rule.ifPresentOrElse(
                    r -> {
                        explained.merge(d.notificationId(), r.name(), (a, b) -> a.contains(b) ? a : a + ", " + b);
                        byRule.merge(r.name(), 1L, Long::sum);
                    },
                    () -> unexplained.add(d));
        }
        writeReport("deliberate differences by rule: " + byRule + System.lineSeparator()
                + report.render(
                        Integer.MAX_VALUE,
                        id -> notes.get(id) + (explained.containsKey(id) ? "; deliberate: " + explained.get(id) : "")));
        assertThat(unexplained)
                .as(
                        "differences from Ceilometer 19 that no deliberate rule explains, of %d variants (full report in"
                                + " target/ceilometer-differences.txt)",
                        variants.size())
                .isEmpty();
    }

    @Test
    void shippedDefinitionsTranslateTheCorpusAsCeilometer19DoesWithThem() {
        Path dir = Path.of("src/main/resources/io/meterhub/mediation");
        OracleCheck.with(dir.resolve("meters.yaml"), dir.resolve("event_definitions.yaml"))
                .everyPriority()
                .assertSame(
                        engine(dir.resolve("meters.yaml"), dir.resolve("event_definitions.yaml")),
                        OracleCheck.asVariants(NotificationVariations.corpus()));
    }

    /** Every difference, with how each variant was made, in target/ for whoever works on them. */
    private static void writeReport(String text) {
        try {
            Files.writeString(Path.of("target", "ceilometer-differences.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine as {@code bin/meterhub translate} runs it, one line per result. */
    private static Function<List<String>, List<JsonNode>> engine(Path meters, Path events) {
        NotificationTranslator translator = Translators.create(new MediationSettings(
                Optional.of(meters),
                Optional.of(events),
                false,
                Optional.empty(),
                UserMetadata.DEFAULTS,
                java.util.Map.of()));
        TranslateRunner runner = new TranslateRunner(new EnvelopeDecoder(16 * 1024 * 1024), translator);
        return lines -> {
            StringWriter out = new StringWriter();
            try {
                runner.run(new BufferedReader(new StringReader(String.join("\n", lines))), out);
                return out.toString().lines().map(OracleJson::parse).toList(); // Infinity, NaN as Python writes them
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
