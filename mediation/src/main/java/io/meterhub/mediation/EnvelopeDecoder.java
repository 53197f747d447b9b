package io.meterhub.mediation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Timestamps;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an AMQP body into a {@link Notification}, as oslo.messaging's {@code deserialize_msg} does: a JSON object
 * with both {@code oslo.version} and {@code oslo.message} is a v2 envelope (major version 2 only) whose message is a
 * JSON string; any other JSON object is a v1 bare message. Refuses, with a {@link RejectReason}, what is too large,
 * not JSON, or lacks {@code event_type} or {@code message_id}.
 */
public final class EnvelopeDecoder {

    static final String OSLO_VERSION = "oslo.version";
    static final String OSLO_MESSAGE = "oslo.message";
    private static final String CONTEXT_PREFIX = "_context_";
    /** oslo.messaging's {@code notify.dispatcher.PRIORITIES}, in its order. */
    static final List<String> PRIORITIES = List.of("audit", "debug", "info", "warn", "error", "critical", "sample");

    private final ObjectMapper mapper = Json.mapper();
    private final int maxBodyBytes;

    /** @param maxBodyBytes bodies larger than this are refused before parsing */
    public EnvelopeDecoder(int maxBodyBytes) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public Notification decode(byte[] body) throws RejectedMessageException {
        if (body.length > maxBodyBytes) {
            throw new RejectedMessageException(
                    RejectReason.OVERSIZED,
                    "body of " + body.length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        JsonNode outer = parse(body, RejectReason.NOT_JSON, "body");
        return toNotification(unwrap(outer));
    }

    private ObjectNode unwrap(JsonNode outer) throws RejectedMessageException {
        if (!outer.isObject()) {
            throw new RejectedMessageException(
                    RejectReason.NOT_AN_OBJECT,
                    "body is a JSON " + outer.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        if (!(outer.has(OSLO_VERSION) && outer.has(OSLO_MESSAGE))) {
            return (ObjectNode) outer;
        }
        JsonNode version = outer.get(OSLO_VERSION);
        JsonNode message = outer.get(OSLO_MESSAGE);
        if (!OsloEnvelopeVersion.compatible(version)) {
            throw new RejectedMessageException(
                    RejectReason.UNSUPPORTED_ENVELOPE,
                    "oslo.version " + version + " is not one oslo.messaging opens (a string such as \"2.0\")",
                    peekMessageId(message),
                    null);
        }
        if (!message.isTextual()) {
            throw new RejectedMessageException(
                    RejectReason.OSLO_MESSAGE_NOT_JSON,
                    "oslo.message is a JSON " + message.getNodeType().name().toLowerCase(Locale.ROOT)
                            + ", not a string holding JSON",
                    peekMessageId(message),
                    null);
        }
        JsonNode inner = parse(
                message.textValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                RejectReason.OSLO_MESSAGE_NOT_JSON,
                "oslo.message");
        if (!inner.isObject()) {
            throw new RejectedMessageException(
                    RejectReason.OSLO_MESSAGE_NOT_JSON,
                    "oslo.message holds a JSON " + inner.getNodeType().name().toLowerCase(Locale.ROOT)
                            + ", not an object");
        }
        return (ObjectNode) inner;
    }

    private Notification toNotification(ObjectNode m) throws RejectedMessageException {
        String messageId = text(m, "message_id");
        String priority = priority(m, messageId); // oslo's dispatcher looks at it before any endpoint runs
        JsonNode eventTypeNode = m.get("event_type");
        if (eventTypeNode != null && !eventTypeNode.isNull() && !eventTypeNode.isTextual()) {
            throw new RejectedMessageException(
                    RejectReason.BAD_EVENT_TYPE,
                    "event_type is " + describe(eventTypeNode) + ", not a string",
                    messageId,
                    null);
        }
        String eventType = text(m, "event_type");
        if (eventType == null || eventType.isBlank()) {
            throw new RejectedMessageException(
                    RejectReason.MISSING_EVENT_TYPE, "message has no event_type", messageId, null);
        }
        if (messageId == null || messageId.isBlank()) {
            throw new RejectedMessageException(
                    RejectReason.MISSING_MESSAGE_ID, "message of event_type '" + eventType + "' has no message_id");
        }
        String ts = text(m, "timestamp");
        Instant timestamp = Timestamps.parse(ts)
                .orElseThrow(() -> new RejectedMessageException(
                        RejectReason.BAD_TIMESTAMP, "timestamp '" + ts + "' is not an ISO-8601 time", messageId, null));
        JsonNode payload = m.path("payload");
        return new Notification(
                messageId,
                text(m, "publisher_id"),
                eventType,
                priority,
                timestamp,
                payload.isMissingNode() || payload.isNull() ? mapper.createObjectNode() : payload,
                context(m),
                m);
    }

    /**
     * The priority, upper case, when it is one oslo.messaging dispatches ({@code message.get('priority', '').lower()}
     * in {@link #PRIORITIES}). oslo fails on a priority that is not a string and drops, with a log line, one it does
     * not know; meterhub dead-letters both, so that nothing disappears unrecorded.
     */
    private static String priority(ObjectNode m, String messageId) throws RejectedMessageException {
        JsonNode p = m.get("priority");
        if (p != null && !p.isTextual()) {
            throw new RejectedMessageException(
                    RejectReason.BAD_PRIORITY, "priority is " + describe(p) + ", not a string", messageId, null);
        }
        String lower = p == null ? "" : p.textValue().toLowerCase(Locale.ROOT);
        if (!PRIORITIES.contains(lower)) {
            throw new RejectedMessageException(
                    RejectReason.BAD_PRIORITY,
                    (p == null ? "message has no priority" : "priority '" + p.textValue() + "' is unknown")
                            + "; oslo.messaging dispatches only " + String.join(", ", PRIORITIES),
                    messageId,
                    null);
        }
        return lower.toUpperCase(Locale.ROOT);
    }

    /** The message_id of an envelope's inner message, when it can be seen without opening the envelope fully. */
    private String peekMessageId(JsonNode message) {
        JsonNode inner = message;
        if (message != null && message.isTextual()) {
            try {
                inner = mapper.readTree(message.textValue());
            } catch (JacksonException e) {
                return null;
            }
        }
        return inner != null && inner.isObject() ? text(inner, "message_id") : null;
    }

    private static String describe(JsonNode v) {
        return "a JSON " + v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private ObjectNode context(ObjectNode m) {
        ObjectNode ctx = mapper.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith(CONTEXT_PREFIX)) {
                ctx.set(e.getKey().substring(CONTEXT_PREFIX.length()), e.getValue());
            }
        }
        return ctx;
    }

    private JsonNode parse(byte[] bytes, RejectReason reason, String what) throws RejectedMessageException {
        try {
            JsonNode node = mapper.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new RejectedMessageException(reason, what + " is empty");
            }
            return node;
        } catch (JacksonException e) {
            throw new RejectedMessageException(reason, what + " is not valid JSON: " + e.getOriginalMessage(), null, e);
        } catch (java.io.IOException e) {
            throw new RejectedMessageException(reason, what + " could not be read: " + e.getMessage(), null, e);
        }
    }

    private static String text(JsonNode m, String field) {
        JsonNode v = m.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
