package io.meterhub.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One oslo.messaging notification, decoded from its envelope: the inner message's well-known keys plus the
 * whole inner message for definitions that address other keys.
 *
 * @param messageId oslo's {@code message_id}, the identity used for de-duplication
 * @param publisherId {@code publisher_id}, e.g. {@code compute.host1}
 * @param eventType {@code event_type}, e.g. {@code compute.instance.create.end}
 * @param priority upper-case priority ({@code INFO}, {@code SAMPLE}, ...); {@code INFO} when absent
 * @param timestamp when the notification was emitted (UTC)
 * @param payload the payload (an object, or a list for some Ceilometer publishers); never null
 * @param context the unpacked request context: every {@code _context_*} key without its prefix
 * @param message the whole inner message as received
 */
public record Notification(
        String messageId,
        String publisherId,
        String eventType,
        String priority,
        Instant timestamp,
        JsonNode payload,
        ObjectNode context,
        ObjectNode message) {

    public Notification {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
    }
}
