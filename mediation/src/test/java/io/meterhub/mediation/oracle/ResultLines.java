package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Result lines of one translator (the oracle or the engine), grouped by the notification they came from. */
final class ResultLines {

    /** A sample's compared fields and its resource_metadata. */
    record Sample(SampleKey key, Object metadata) {}

    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();
    private final Map<String, List<EventKey>> events = new LinkedHashMap<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final Set<String> ids = new LinkedHashSet<>();

    /**
     * Groups {@code lines}.
     *
     * @throws IllegalArgumentException for a line that is not a sample, an event or an error
     */
    static ResultLines of(List<JsonNode> lines) {
        ResultLines r = new ResultLines();
        lines.forEach(r::add);
        return r;
    }

    /** The notification a line is about: {@code notification_id} of a sample, else {@code message_id}. */
    static String notificationId(JsonNode line) {
        JsonNode id =
                "sample".equals(line.path("kind").asText()) ? line.get("notification_id") : line.get("message_id");
        return id == null || id.isNull() ? "null" : id.asText();
    }

    private void add(JsonNode line) {
        String id = notificationId(line);
        ids.add(id);
        switch (line.path("kind").asText()) {
            case "sample" -> samples.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new Sample(SampleKey.of(line), Canonical.value(line.get("resource_metadata"))));
            case "event" -> events.computeIfAbsent(id, k -> new ArrayList<>()).add(EventKey.of(line));
            case "error" -> errors.computeIfAbsent(id, k -> new ArrayList<>())
                    .add(line.path("reason").asText());
            default -> throw new IllegalArgumentException(
                    "not a sample, event or error line: " + OracleJson.abbreviate(line.toString(), 300));
        }
    }

    Set<String> ids() {
        return ids;
    }

    List<Sample> samples(String id) {
        return samples.getOrDefault(id, List.of());
    }

    List<EventKey> events(String id) {
        return events.getOrDefault(id, List.of());
    }

    List<String> errors(String id) {
        return errors.getOrDefault(id, List.of());
    }

    boolean hasOutput(String id) {
        return samples.containsKey(id) || events.containsKey(id);
    }
}
