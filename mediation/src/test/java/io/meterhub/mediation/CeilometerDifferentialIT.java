package io.meterhub.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.meter.UserMetadata;
import io.meterhub.mediation.oracle.Definitions;
import io.meterhub.mediation.oracle.DiffReport;
import io.meterhub.mediation.oracle.NotificationVariations;
import io.meterhub.mediation.oracle.OracleCheck;
import io.meterhub.mediation.translate.TranslateRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
     * A ratchet, not yet equality: on 2026-11-23 the variations differed on 208 of 2,616 notifications, all in the
     * categories listed in issue #3's note (timestamps with surrounding spaces, which meterhub's parser trims and
     * Python's does not; an empty event_type, which meterhub refuses; envelopes oslo.messaging itself cannot open).
     * The count may only go down; the report lists every difference when it goes up.
     */
    @Test
    void variationsOfTheCorpusDifferNoMoreThanTheKnownCases() {
        DiffReport report = OracleCheck.with(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS)
                .everyPriority()
                .compare(
                        engine(Definitions.CEILOMETER_METERS, Definitions.CEILOMETER_EVENTS),
                        NotificationVariations.ofCorpus(NotificationVariations.DEFAULT_SEED));
        assertThat(report.notificationIds().size())
                .as("notifications differing from Ceilometer 19:%n%s", report.render(40, id -> ""))
                .isLessThanOrEqualTo(KNOWN_DIFFERING);
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

    private static final int KNOWN_DIFFERING = 208;

    /** The engine as {@code bin/meterhub translate} runs it, one line per result. */
    private static Function<List<String>, List<JsonNode>> engine(Path meters, Path events) {
        NotificationTranslator translator = Translators.create(new MediationSettings(
                Optional.of(meters), Optional.of(events), false, Optional.empty(), UserMetadata.DEFAULTS));
        TranslateRunner runner = new TranslateRunner(new EnvelopeDecoder(16 * 1024 * 1024), translator);
        return lines -> {
            StringWriter out = new StringWriter();
            try {
                runner.run(new BufferedReader(new StringReader(String.join("\n", lines))), out);
                return out.toString().lines().map(Corpus::json).toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
