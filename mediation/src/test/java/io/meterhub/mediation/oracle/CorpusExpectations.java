package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed record of what real Ceilometer 19 made of the corpus ({@code /corpus/ceilometer-samples.jsonl} and
 * {@code /corpus/ceilometer-events.jsonl}, written by the team's older oracle tool) as result lines of the {@code
 * bin/meterhub translate} contract. That record has no resource_metadata and no errors: compare it without either.
 */
public final class CorpusExpectations {

    private static final Map<Integer, String> TRAIT_TYPES = Map.of(1, "text", 2, "int", 3, "float", 4, "datetime");

    private CorpusExpectations() {}

    /** The committed samples and events, in contract form. */
    public static List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        NotificationVariations.resourceLines("/corpus/ceilometer-samples.jsonl").stream()
                .map(l -> sample(OracleJson.object(l)))
                .forEach(lines::add);
        NotificationVariations.resourceLines("/corpus/ceilometer-events.jsonl").stream()
                .map(l -> event(OracleJson.object(l)))
                .forEach(lines::add);
        return lines;
    }

    /** A recorded sample ({@code name, type, unit, volume, ...}) as a contract sample line. */
    static ObjectNode sample(ObjectNode recorded) {
        ObjectNode line = OracleJson.mapper().createObjectNode();
        line.put("kind", "sample");
        line.set("notification_id", recorded.get("message_id"));
        line.set("counter_name", recorded.get("name"));
        line.set("counter_type", recorded.get("type"));
        line.set("counter_unit", recorded.get("unit"));
        line.set("counter_volume", recorded.get("volume"));
        line.set("user_id", recorded.get("user_id"));
        line.set("project_id", recorded.get("project_id"));
        line.set("resource_id", recorded.get("resource_id"));
        line.set("timestamp", recorded.get("timestamp"));
        return line;
    }

    /** A recorded event (traits as {@code [name, type code, value]}) as a contract event line. */
    static ObjectNode event(ObjectNode recorded) {
        ObjectNode line = OracleJson.mapper().createObjectNode();
        line.put("kind", "event");
        line.set("message_id", recorded.get("message_id"));
        line.set("event_type", recorded.get("event_type"));
        line.set("generated", recorded.get("generated"));
        ArrayNode traits = line.putArray("traits");
        for (JsonNode t : recorded.path("traits")) {
            int code = t.get(1).asInt();
            traits.addObject()
                    .put("name", t.get(0).asText())
                    .put("type", TRAIT_TYPES.getOrDefault(code, String.valueOf(code)))
                    .set("value", t.get(2));
        }
        return line;
    }
}
