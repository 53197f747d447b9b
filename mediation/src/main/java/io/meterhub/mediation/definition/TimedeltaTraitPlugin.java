package io.meterhub.mediation.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.meterhub.mediation.jsonpath.JsonPathMatch;
import io.meterhub.model.Timestamps;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Ceilometer's {@code timedelta} plugin ({@code TimedeltaPlugin}): the absolute number of seconds, a float with
 * microsecond precision, between the two matched timestamps; None unless exactly two fields matched and both parse
 * as timestamps (oslo's {@code parse_isotime}). Takes no parameters.
 */
public final class TimedeltaTraitPlugin implements TraitPlugin {

    private static final long EXACT_DOUBLE = 1L << 53;

    /** The plugin; it has no parameters (any given are ignored, as in Ceilometer). */
    public static TimedeltaTraitPlugin of(PluginParameters parameters) {
        parameters.ignoreOthers();
        return new TimedeltaTraitPlugin();
    }

    @Override
    public List<JsonNode> traitValues(List<JsonPathMatch> matches) {
        if (matches.size() != 2) {
            return none();
        }
        Optional<Instant> start = parse(matches.get(0).value());
        Optional<Instant> end = parse(matches.get(1).value());
        if (start.isEmpty() || end.isEmpty()) {
            return none();
        }
        return List.of(DoubleNode.valueOf(Math.abs(totalSeconds(Duration.between(start.get(), end.get())))));
    }

    /**
     * oslo's {@code parse_isotime}: the iso8601 library's grammar (as {@link Timestamps} reads it), which allows no
     * whitespace around the timestamp, only one final newline (its regex ends with {@code $}).
     */
    private static Optional<Instant> parse(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue();
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.equals(body.trim()) ? Timestamps.parse(body) : Optional.empty();
    }

    /** Python's {@code timedelta.total_seconds()}: microseconds / 10**6, correctly rounded. */
    static double totalSeconds(Duration d) {
        long micros = Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000L), d.getNano() / 1_000);
        if (-EXACT_DOUBLE <= micros && micros <= EXACT_DOUBLE) {
            return micros / 1e6;
        }
        return BigDecimal.valueOf(micros).movePointLeft(6).doubleValue();
    }

    private static List<JsonNode> none() {
        return Arrays.asList((JsonNode) null);
    }

    @Override
    public boolean supportsReturnAllValues() {
        return false;
    }
}
