package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The differential check: real Ceilometer 19 (the {@link OracleRunner}) and an engine translate the same
 * notifications with the same definitions, and {@link TranslationDiff} compares what they made; Ceilometer's output
 * is the expected side.
 *
 * <pre>{@code
 * Function<List<String>, List<JsonNode>> engine = lines -> ...; // e.g. runs `bin/meterhub translate`
 * OracleCheck.assertSameAs(engine, metersDir, eventsFile, notifications);
 * OracleCheck.with(metersDir, eventsFile)
 *         .options(TranslationDiff.Options.ALL.withoutMetadata())
 *         .assertSame(engine, NotificationVariations.ofCorpus(NotificationVariations.DEFAULT_SEED));
 * }</pre>
 *
 * @param metersDir meter definitions: a directory of {@code *.yaml} or one meters.yaml file
 * @param eventsFile the event definitions file
 * @param options what is compared besides samples and events
 * @param shown how many differences a failure lists
 * @param allPriorities run Ceilometer's converters on notifications of every priority (as meterhub translates
 *     them) rather than route by priority as its agent does
 */
public record OracleCheck(
        Path metersDir, Path eventsFile, TranslationDiff.Options options, int shown, boolean allPriorities) {

    /** How many differences a failure lists unless told otherwise. */
    public static final int SHOWN = 25;

    public OracleCheck {
        Objects.requireNonNull(metersDir, "metersDir");
        Objects.requireNonNull(eventsFile, "eventsFile");
        Objects.requireNonNull(options, "options");
    }

    /**
     * Runs real Ceilometer and {@code engine} over {@code notifications} and fails with a report of the first
     * differences unless they made the same samples, events and errors (resource_metadata included).
     *
     * @param engine translates oslo messages (one per element, bare or enveloped) to result lines of the {@code
     *     bin/meterhub translate} contract
     */
    public static void assertSameAs(
            Function<List<String>, List<JsonNode>> engine,
            Path metersDir,
            Path eventsFile,
            List<String> notifications) {
        with(metersDir, eventsFile).assertSame(engine, asVariants(notifications));
    }

    /** A check with these definitions, comparing everything, listing {@link #SHOWN} differences. */
    public static OracleCheck with(Path metersDir, Path eventsFile) {
        return new OracleCheck(metersDir, eventsFile, TranslationDiff.Options.ALL, SHOWN, false);
    }

    /** This check comparing as {@code options} say. */
    public OracleCheck options(TranslationDiff.Options options) {
        return new OracleCheck(metersDir, eventsFile, options, shown, allPriorities);
    }

    /** This check listing {@code shown} differences when it fails. */
    public OracleCheck shown(int shown) {
        return new OracleCheck(metersDir, eventsFile, options, shown, allPriorities);
    }

    /** This check giving Ceilometer's converters notifications of every priority, as meterhub does. */
    public OracleCheck everyPriority() {
        return new OracleCheck(metersDir, eventsFile, options, shown, true);
    }

    /** Fails with a report (each notification with its variant's note) unless the engine made what Ceilometer made. */
    public void assertSame(Function<List<String>, List<JsonNode>> engine, List<Variant> variants) {
        DiffReport report = compare(engine, variants);
        if (!report.isEmpty()) {
            Map<String, String> notes = notes(variants);
            throw new AssertionError("the engine differs from real Ceilometer 19 (expected: Ceilometer, actual: the"
                    + " engine) on " + report.notificationIds().size() + " of " + variants.size()
                    + " notifications; meters " + metersDir + ", events " + eventsFile + ", compared " + options
                    + System.lineSeparator() + report.render(shown, notes::get));
        }
    }

    /** Runs Ceilometer and the engine over the variants and compares, without failing. */
    public DiffReport compare(Function<List<String>, List<JsonNode>> engine, List<Variant> variants) {
        List<String> lines = variants.stream().map(Variant::line).toList();
        OracleRunner runner = new OracleRunner(metersDir, eventsFile);
        List<JsonNode> ceilometer = (allPriorities ? runner.ignoringPriority() : runner).run(lines);
        List<JsonNode> actual = Objects.requireNonNull(engine.apply(lines), "the engine's result lines");
        return TranslationDiff.compare(ceilometer, actual, options);
    }

    /** Plain notifications as variants noted by their event type and priority. */
    public static List<Variant> asVariants(List<String> notifications) {
        return notifications.stream().map(OracleCheck::asVariant).toList();
    }

    private static Variant asVariant(String line) {
        JsonNode m;
        try {
            m = OracleJson.parse(line);
            if (m.path("oslo.message").isTextual()) {
                m = OracleJson.parse(m.get("oslo.message").textValue());
            }
        } catch (IllegalArgumentException notJson) {
            return new Variant("null", line, "not JSON");
        }
        return new Variant(
                m.path("message_id").asText("null"),
                line,
                m.path("event_type").asText() + " " + m.path("priority").asText());
    }

    private static Map<String, String> notes(List<Variant> variants) {
        return variants.stream().collect(Collectors.toMap(Variant::messageId, Variant::note, (a, b) -> a + " | " + b));
    }
}
