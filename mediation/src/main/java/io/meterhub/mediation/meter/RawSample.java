package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import io.meterhub.mediation.jsonpath.python.PyFloats;
import io.meterhub.mediation.jsonpath.python.PyInt;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyType;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Timestamps;
import java.math.BigInteger;
import java.time.Instant;

/**
 * The attribute values one meter definition found for one sample, before they become a {@link Sample}: the port of
 * Ceilometer's {@code Sample.from_notification}. Any value may be null (Python's None).
 */
record RawSample(
        JsonNode name,
        JsonNode type,
        JsonNode volume,
        JsonNode unit,
        JsonNode timestamp,
        JsonNode userId,
        JsonNode projectId,
        JsonNode resourceId,
        ObjectNode metadata) {

    Sample toSample(Notification n, String sampleId) {
        String meter = text(name);
        if (meter == null) {
            throw new IllegalArgumentException("a sample without a name");
        }
        return new Sample(
                Sample.DEFAULT_SOURCE,
                meter,
                sampleType(meter),
                text(unit),
                volume(meter),
                text(userId),
                text(projectId),
                text(resourceId),
                timestamp(n, meter),
                metadata.isEmpty() ? defaultMetadata(n) : metadata,
                sampleId);
    }

    private SampleType sampleType(String meter) {
        String t = text(type);
        try {
            return SampleType.fromWire(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("meter " + meter + ": " + e.getMessage(), e);
        }
    }

    /** Numbers as they are; numeric text as its number; anything else is not a volume. */
    private Number volume(String meter) {
        if (volume == null || volume.isNull()) {
            return null;
        }
        if (volume.isIntegralNumber() && volume.canConvertToLong()) {
            return volume.longValue(); // not in a ?: with a double, which would widen it to double
        }
        if (volume.isNumber() && Double.isFinite(volume.doubleValue())) {
            return volume.doubleValue();
        }
        if (volume.isBoolean()) {
            return volume.booleanValue() ? 1L : 0L;
        }
        if (volume.isTextual()) {
            Number n = numericText(volume.textValue());
            if (n != null) {
                return n;
            }
        }
        throw new IllegalArgumentException("meter " + meter + ": volume " + PyStr.repr(volume) + " is not a number");
    }

    /**
     * Text as the number Python's {@code int()} or else {@code float()} reads in it ({@code " 2794 "},
     * {@code "1_000"}, {@code "1e3"}), or null when it is none or not finite: a volume must be a number to be billed.
     */
    private static Number numericText(String text) {
        try {
            BigInteger i = PyInt.parse(text);
            if (i.bitLength() < 64) {
                return i.longValue();
            }
        } catch (PyException e) {
            // not an integer literal
        }
        try {
            double d = PyFloats.parse(text);
            return Double.isFinite(d) ? d : null;
        } catch (PyException e) {
            return null;
        }
    }

    private Instant timestamp(Notification n, String meter) {
        if (!PyType.truthy(timestamp)) {
            return n.timestamp();
        }
        if (!timestamp.isTextual()) {
            throw new IllegalArgumentException(
                    "meter " + meter + ": timestamp " + PyStr.repr(timestamp) + " is not a string");
        }
        return Timestamps.parse(timestamp.textValue())
                .orElseThrow(() -> new IllegalArgumentException(
                        "meter " + meter + ": timestamp '" + timestamp.textValue() + "' is not ISO 8601"));
    }

    /** Ceilometer's metadata when the definition maps none: a copy of the payload, its event type and host. */
    private static ObjectNode defaultMetadata(Notification n) {
        ObjectNode md = Json.mapper().createObjectNode();
        if (n.payload().isObject()) {
            md.setAll((ObjectNode) n.payload());
        }
        md.put("event_type", n.eventType());
        JsonNode host = n.message().get("publisher_id");
        md.set("host", host == null ? md.nullNode() : host);
        return md;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : PyStr.str(v);
    }
}
