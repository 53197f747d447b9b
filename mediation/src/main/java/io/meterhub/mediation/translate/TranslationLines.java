package io.meterhub.mediation.translate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.RejectReason;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import io.meterhub.model.Timestamps;
import io.meterhub.model.Trait;
import io.meterhub.model.Translation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON lines {@code bin/meterhub translate} writes: one per sample ({@code kind: sample}, Ceilometer's
 * meter-message fields plus the {@code notification_id} it came from), per event ({@code kind: event}) and per
 * rejected input or part of one ({@code kind: error}: a notification whose event failed still has its samples). Timestamps as Ceilometer writes them: samples with {@code +00:00}, events and
 * datetime traits naive UTC.
 */
public final class TranslationLines {

    private TranslationLines() {}

    public static List<ObjectNode> of(Translation t) {
        List<ObjectNode> lines = new ArrayList<>(t.samples().size() + t.events().size());
        for (Sample s : t.samples()) {
            lines.add(sample(s, t.source().messageId()));
        }
        for (Event e : t.events()) {
            lines.add(event(e));
        }
        for (String problem : t.problems()) {
            lines.add(error(t.source().messageId(), RejectReason.TRANSLATION_FAILED.code() + ": " + problem));
        }
        return lines;
    }

    public static ObjectNode sample(Sample s, String notificationId) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("kind", "sample");
        line.put("notification_id", notificationId);
        line.put("counter_name", s.name());
        line.put("counter_type", s.type().wireName());
        line.put("counter_unit", s.unit());
        line.set("counter_volume", Json.mapper().valueToTree(s.volume()));
        line.put("user_id", s.userId());
        line.put("project_id", s.projectId());
        line.put("resource_id", s.resourceId());
        line.put("timestamp", Timestamps.isoformat(s.timestamp(), true));
        line.set("resource_metadata", s.resourceMetadata());
        line.put("message_id", s.messageId());
        line.put("source", s.source());
        return line;
    }

    public static ObjectNode event(Event e) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("kind", "event");
        line.put("message_id", e.messageId());
        line.put("event_type", e.eventType());
        line.put("generated", Timestamps.isoformat(e.generated(), false));
        ArrayNode traits = line.putArray("traits");
        for (Trait t : e.traits()) {
            ObjectNode trait = traits.addObject();
            trait.put("name", t.name());
            trait.put("type", t.type().wireName());
            if (t.value() instanceof Instant i) {
                trait.put("value", Timestamps.isoformat(i, false));
            } else {
                trait.set("value", Json.mapper().valueToTree(t.value()));
            }
        }
        return line;
    }

    public static ObjectNode error(RejectedMessageException e) {
        return error(e.messageId(), e.reason().code() + ": " + e.getMessage());
    }

    private static ObjectNode error(String messageId, String reason) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("kind", "error");
        line.put("message_id", messageId);
        line.put("reason", reason);
        return line;
    }
}
