package io.meterhub.mediation.polling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.RejectReason;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Timestamps;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads one meter message (the dict of Ceilometer's {@code meter_message_from_counter}) into a {@link Sample}, as
 * Ceilometer's {@code TelemetryIpc.build_sample} rebuilds it, but refusing what Ceilometer would only fail on later.
 *
 * <p>Required: {@code counter_name}, {@code resource_id} and {@code message_id} (non-empty strings),
 * {@code counter_type} ({@code gauge}, {@code delta} or {@code cumulative}), {@code counter_volume} (a JSON number,
 * kept int or float as sent) and {@code timestamp} (ISO-8601; without a zone it is UTC). Optional, null when absent:
 * {@code counter_unit}, {@code user_id}, {@code project_id} (strings). {@code source} defaults to {@code openstack}
 * and {@code resource_metadata} to an empty object, as in Ceilometer's {@code Sample}. Other keys
 * ({@code monotonic_time}, {@code user_name}, {@code message_signature}, ...) are not part of a meterhub sample.
 */
final class MeterMessageReader {

    private static final int QUOTED_MAX = 80;

    private MeterMessageReader() {}

    /**
     * @param message one element of the payload's {@code samples}
     * @param position where it is, for details, e.g. {@code sample 2 of 3}
     * @param notificationId the carrying notification's id, recorded with a refusal
     */
    static Sample read(JsonNode message, String position, String notificationId) throws RejectedMessageException {
        Refusal refuse = new Refusal(describe(message, position), notificationId);
        if (!message.isObject()) {
            throw refuse.because(RejectReason.MALFORMED_SAMPLE, "it is a JSON " + type(message) + ", not an object");
        }
        String name = required(message, "counter_name", refuse);
        SampleType type = sampleType(message, refuse);
        Number volume = volume(message, refuse);
        String resourceId = required(message, "resource_id", refuse);
        String messageId = required(message, "message_id", refuse);
        Instant timestamp = timestamp(message, refuse);
        String source = optional(message, "source", refuse);
        return new Sample(
                source == null || source.isEmpty() ? Sample.DEFAULT_SOURCE : source,
                name,
                type,
                optional(message, "counter_unit", refuse),
                volume,
                optional(message, "user_id", refuse),
                optional(message, "project_id", refuse),
                resourceId,
                timestamp,
                metadata(message, refuse),
                messageId);
    }

    /** {@code sample 2 of 3 (message_id 'x', counter_name 'cpu')}, with what the message says of itself. */
    static String describe(JsonNode message, String position) {
        return position + " (message_id " + quoted(message.path("message_id")) + ", counter_name "
                + quoted(message.path("counter_name")) + ")";
    }

    private static String required(JsonNode m, String field, Refusal refuse) throws RejectedMessageException {
        String value = optional(m, field, refuse);
        if (value == null || value.isEmpty()) {
            throw refuse.because(RejectReason.MALFORMED_SAMPLE, field + " is missing or empty");
        }
        return value;
    }

    private static String optional(JsonNode m, String field, Refusal refuse) throws RejectedMessageException {
        JsonNode v = m.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw refuse.because(RejectReason.MALFORMED_SAMPLE, field + " is a JSON " + type(v) + ", not a string");
        }
        return v.textValue();
    }

    private static SampleType sampleType(JsonNode m, Refusal refuse) throws RejectedMessageException {
        String type = required(m, "counter_type", refuse);
        try {
            return SampleType.fromWire(type);
        } catch (IllegalArgumentException e) {
            throw refuse.because(RejectReason.MALFORMED_SAMPLE, "counter_type: " + e.getMessage());
        }
    }

    private static Number volume(JsonNode m, Refusal refuse) throws RejectedMessageException {
        JsonNode v = m.path("counter_volume");
        if (!v.isNumber()) {
            throw refuse.because(
                    RejectReason.MALFORMED_SAMPLE,
                    "counter_volume " + (v.isMissingNode() ? "is missing" : quoted(v) + " is not a number"));
        }
        return v.numberValue();
    }

    private static Instant timestamp(JsonNode m, Refusal refuse) throws RejectedMessageException {
        JsonNode v = m.path("timestamp");
        return Timestamps.parse(v.textValue())
                .orElseThrow(() -> refuse.because(
                        RejectReason.BAD_TIMESTAMP,
                        "timestamp " + (v.isMissingNode() ? "is missing" : quoted(v) + " is not an ISO-8601 time")));
    }

    private static ObjectNode metadata(JsonNode m, Refusal refuse) throws RejectedMessageException {
        JsonNode v = m.path("resource_metadata");
        if (v.isMissingNode() || v.isNull()) {
            return Json.mapper().createObjectNode();
        }
        if (!v.isObject()) {
            throw refuse.because(
                    RejectReason.MALFORMED_SAMPLE, "resource_metadata is a JSON " + type(v) + ", not an object");
        }
        return ((ObjectNode) v).deepCopy();
    }

    private static String type(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A value for a detail: strings quoted and cut short, as they come from the sender. */
    private static String quoted(JsonNode v) {
        if (v.isMissingNode()) {
            return "absent";
        }
        String text = v.isTextual() ? v.textValue() : v.toString();
        if (text.length() > QUOTED_MAX) {
            text = text.substring(0, QUOTED_MAX) + "...";
        }
        return v.isTextual() ? "'" + text + "'" : text;
    }

    /** Makes the refusals of one sample. */
    private record Refusal(String subject, String notificationId) {

        RejectedMessageException because(RejectReason reason, String problem) {
            return new RejectedMessageException(reason, subject + ": " + problem, notificationId, null);
        }
    }
}
