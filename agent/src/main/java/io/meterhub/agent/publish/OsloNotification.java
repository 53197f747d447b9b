package io.meterhub.agent.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The AMQP body Ceilometer's polling agent sends a batch of meter messages in: an oslo.messaging notification
 * ({@code message_id}, {@code publisher_id} {@code ceilometer.polling}, {@code event_type} {@code telemetry.polling},
 * {@code priority} {@code SAMPLE}, {@code payload} {@code {"samples": [...]}}, {@code timestamp} as oslo writes it,
 * {@code _unique_id}) inside the v2 envelope {@code {"oslo.version": "2.0", "oslo.message": "<json>"}}.
 */
public final class OsloNotification {

    /** The event type of polled samples. */
    public static final String EVENT_TYPE = "telemetry.polling";
    /** The publisher id of Ceilometer's polling agent. */
    public static final String PUBLISHER_ID = "ceilometer.polling";

    private final Clock clock;

    public OsloNotification(Clock clock) {
        this.clock = clock;
    }

    /** The enveloped notification of {@code samples}, as UTF-8 JSON. */
    public byte[] body(List<ObjectNode> samples) {
        ObjectNode inner = Json.mapper().createObjectNode();
        inner.put("message_id", UUID.randomUUID().toString());
        inner.put("publisher_id", PUBLISHER_ID);
        inner.put("event_type", EVENT_TYPE);
        inner.put("priority", "SAMPLE");
        ArrayNode list = inner.putObject("payload").putArray("samples");
        samples.forEach(list::add);
        inner.put("timestamp", osloTimestamp());
        inner.put("_unique_id", UUID.randomUUID().toString().replace("-", ""));
        try {
            ObjectNode envelope = Json.mapper().createObjectNode();
            envelope.put("oslo.version", "2.0");
            envelope.put("oslo.message", Json.mapper().writeValueAsString(inner));
            return Json.mapper().writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of JSON nodes always serialises", e);
        }
    }

    /** {@code str(datetime.utcnow())}: {@code 2026-01-15 10:05:00.778456}. */
    private String osloTimestamp() {
        LocalDateTime t = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        String base = String.format(
                "%04d-%02d-%02d %02d:%02d:%02d",
                t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
        int micros = t.getNano() / 1000;
        return micros == 0 ? base : base + String.format(".%06d", micros);
    }
}
