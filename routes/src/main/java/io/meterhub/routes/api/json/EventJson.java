package io.meterhub.routes.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.jsonpath.python.PyFloats;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import io.meterhub.store.query.TraitDescription;
import java.time.Instant;

/**
 * Ceilometer's {@code Event}, {@code Trait} and {@code TraitDescription}: trait types named as its storage names
 * them ({@code string}, {@code integer}, {@code float}, {@code datetime}), trait values as text ({@code str()} of the
 * value, a datetime's {@code isoformat()}).
 */
public final class EventJson {

    private EventJson() {}

    public static ObjectNode event(Event e) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("message_id", e.messageId());
        o.put("event_type", e.eventType());
        o.put("generated", ApiTimes.format(e.generated()));
        ArrayNode traits = o.putArray("traits");
        e.traits().forEach(t -> traits.add(trait(t)));
        o.putNull("raw"); // meterhub does not keep the raw notification with the event
        return o;
    }

    public static ObjectNode trait(Trait t) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", t.name());
        o.put("value", value(t));
        o.put("type", typeName(t.type()));
        return o;
    }

    public static ObjectNode description(TraitDescription d) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("name", d.name());
        o.put("type", typeName(d.type()));
        return o;
    }

    /** {@code event_models.Trait.get_name_by_type}. */
    public static String typeName(TraitType type) {
        return switch (type) {
            case TEXT -> "string";
            case INT -> "integer";
            case FLOAT -> "float";
            case DATETIME -> "datetime";
        };
    }

    private static String value(Trait t) {
        Object v = t.value();
        if (v instanceof Instant i) {
            return ApiTimes.format(i);
        }
        if (v instanceof Double d) {
            return PyFloats.repr(d);
        }
        return String.valueOf(v);
    }
}
