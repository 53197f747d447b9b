package io.meterhub.feeds.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import io.meterhub.model.Timestamps;
import io.meterhub.model.Trait;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * The JSON an entry carries: the notification as Yagi publishes it (every top-level key starting with {@code _}
 * removed, which drops {@code _context_*} and {@code _unique_id}), samples as Ceilometer's meter messages, events
 * with Ceilometer's field and trait-type names ({@code string}, {@code integer}, {@code float}, {@code datetime}).
 */
final class ContentJson {

    private ContentJson() {}

    static String notification(ObjectNode message) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (Iterator<String> it = message.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("_")) {
                out.set(key, message.get(key));
            }
        }
        return text(out);
    }

    static String samples(List<Sample> samples) {
        return text(Json.mapper().valueToTree(samples));
    }

    static String events(List<Event> events) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (Event e : events) {
            ObjectNode o = out.addObject();
            o.put("message_id", e.messageId());
            o.put("event_type", e.eventType());
            o.put("generated", Timestamps.isoformat(e.generated(), false));
            ArrayNode traits = o.putArray("traits");
            e.traits().forEach(t -> traits.add(trait(t)));
        }
        return text(out);
    }

    private static ObjectNode trait(Trait t) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", t.name());
        o.put(
                "type",
                switch (t.type()) {
                    case TEXT -> "string";
                    case INT -> "integer";
                    case FLOAT -> "float";
                    case DATETIME -> "datetime";
                });
        if (t.value() instanceof Instant i) {
            o.put("value", Timestamps.isoformat(i, false));
        } else {
            o.set("value", Json.mapper().valueToTree(t.value()));
        }
        return o;
    }

    private static String text(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }
}
