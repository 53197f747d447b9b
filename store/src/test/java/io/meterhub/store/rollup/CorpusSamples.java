package io.meterhub.store.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Translation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The samples real Ceilometer 19 made of the corpus ({@code /corpus/ceilometer-samples.jsonl}: 353 samples of 23
 * meters, integral, fractional and missing volumes, some without user or project), as one translation per
 * notification. {@link #shifted} re-issues them later in time under fresh ids, so that buckets hold many samples.
 */
final class CorpusSamples {

    private static final List<JsonNode> LINES = read();

    private CorpusSamples() {}

    /** The corpus samples, grouped by the notification they came from, in file order. */
    static List<Translation> translations() {
        return shifted(Duration.ZERO, "");
    }

    /** The corpus samples {@code shift} later, under notification and sample ids derived from {@code copy}. */
    static List<Translation> shifted(Duration shift, String copy) {
        Map<String, List<Sample>> byNotification = new LinkedHashMap<>();
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (JsonNode line : LINES) {
            String notification = line.get("message_id").asText() + copy;
            List<Sample> samples = byNotification.computeIfAbsent(notification, k -> new ArrayList<>());
            first.putIfAbsent(notification, line);
            samples.add(sample(line, notification, samples.size(), shift));
        }
        List<Translation> out = new ArrayList<>();
        byNotification.forEach((id, samples) -> out.add(new Translation(
                new Notification(
                        id,
                        "corpus",
                        first.get(id).get("event_type").asText(),
                        "INFO",
                        samples.get(0).timestamp(),
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode(),
                        Json.mapper().createObjectNode()),
                samples,
                List.of())));
        return out;
    }

    private static Sample sample(JsonNode line, String notification, int index, Duration shift) {
        JsonNode v = line.get("volume");
        Number volume =
                v == null || v.isNull() ? null : v.isIntegralNumber() ? (Number) v.longValue() : v.doubleValue();
        Instant t =
                OffsetDateTime.parse(line.get("timestamp").asText()).toInstant().plus(shift);
        return new Sample(
                Sample.DEFAULT_SOURCE,
                line.get("name").asText(),
                SampleType.fromWire(line.get("type").asText()),
                text(line, "unit"),
                volume,
                text(line, "user_id"),
                text(line, "project_id"),
                text(line, "resource_id"),
                t,
                (ObjectNode) Json.mapper().createObjectNode(),
                UUID.nameUUIDFromBytes((notification + "/" + index).getBytes(StandardCharsets.UTF_8))
                        .toString());
    }

    private static String text(JsonNode line, String field) {
        JsonNode n = line.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<JsonNode> read() {
        var in = Objects.requireNonNull(CorpusSamples.class.getResourceAsStream("/corpus/ceilometer-samples.jsonl"));
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<JsonNode> lines = new ArrayList<>();
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank()) {
                    lines.add(Json.mapper().readTree(l));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
