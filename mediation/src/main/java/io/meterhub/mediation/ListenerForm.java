package io.meterhub.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;

/**
 * The document Ceilometer's definitions address: oslo.messaging's listener form of a notification,
 * {@code {"ctxt": {...}, "publisher_id": ..., "event_type": ..., "payload": ..., "metadata": {"message_id": ...,
 * "timestamp": ...}}} ({@code NotificationDispatcher._extract_user_message}). Paths such as {@code ctxt.user_id} and
 * {@code $.payload.size} are evaluated against it.
 */
public final class ListenerForm {

    private ListenerForm() {}

    /** The listener form; it shares the notification's nodes, so callers must not modify it. */
    public static ObjectNode of(Notification n) {
        ObjectNode metadata = Json.mapper().createObjectNode();
        metadata.put("message_id", n.messageId());
        metadata.set("timestamp", orNull(n.message().get("timestamp")));
        ObjectNode body = Json.mapper().createObjectNode();
        body.set("ctxt", n.context());
        body.set("publisher_id", orNull(n.message().get("publisher_id")));
        body.put("event_type", n.eventType());
        body.set("payload", n.payload());
        body.set("metadata", metadata);
        return body;
    }

    private static JsonNode orNull(JsonNode v) {
        return v == null ? NullNode.getInstance() : v;
    }
}
