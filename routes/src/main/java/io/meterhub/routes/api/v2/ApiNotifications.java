package io.meterhub.routes.api.v2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.polling.PollingSampleConverter;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Posted samples as the notification a polling agent would publish: event type {@code telemetry.polling}, priority
 * {@code SAMPLE}, publisher {@code meterhub.api}, payload {@code {"samples": [...]}}.
 */
final class ApiNotifications {

    static final String PUBLISHER = "meterhub.api";

    private ApiNotifications() {}

    /** The oslo inner message. */
    static ObjectNode message(List<ObjectNode> meterMessages, Instant now) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("message_id", UUID.randomUUID().toString());
        m.put("publisher_id", PUBLISHER);
        m.put("event_type", PollingSampleConverter.EVENT_TYPE);
        m.put("priority", "SAMPLE");
        m.put("timestamp", now.toString());
        m.putObject("payload").putArray("samples").addAll(meterMessages);
        return m;
    }

    static Notification of(List<ObjectNode> meterMessages, Instant now) {
        ObjectNode m = message(meterMessages, now);
        return new Notification(
                m.get("message_id").asText(),
                PUBLISHER,
                PollingSampleConverter.EVENT_TYPE,
                "SAMPLE",
                now,
                m.get("payload"),
                Json.mapper().createObjectNode(),
                m);
    }
}
