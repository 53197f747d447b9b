package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A meter definition in the shape of a Ceilometer meters.yaml entry without lookups: one sample per matching
 * notification, fields taken from paths. A notification that lacks the resource id yields no sample.
 *
 * <p>Metadata follows Ceilometer: with a {@code metadata} mapping, the non-empty mapped values; without one, a copy
 * of the payload plus {@code event_type} and {@code host} (the publisher id).
 *
 * @param userId path of the user id, or null (Ceilometer's ctxt fallback never matches, so null stays null)
 */
public record MeterDefinition(
        String name,
        SampleType type,
        String unit,
        EventTypeMatcher eventTypes,
        VolumeExtractor volume,
        FieldPath resourceId,
        FieldPath projectId,
        FieldPath userId,
        Map<String, FieldPath> metadata)
        implements SampleConverter {

    @Override
    public boolean matches(String eventType) {
        return eventTypes.matches(eventType);
    }

    @Override
    public List<Sample> toSamples(Notification n) {
        String resource = resourceId.text(n);
        if (resource == null) {
            return List.of();
        }
        return List.of(new Sample(
                Sample.DEFAULT_SOURCE,
                name,
                type,
                unit,
                volume.volume(n),
                userId == null ? null : userId.text(n),
                projectId == null ? null : projectId.text(n),
                resource,
                n.timestamp(),
                metadata(n),
                sampleId(n.messageId(), name, resource)));
    }

    private ObjectNode metadata(Notification n) {
        ObjectNode md = Json.mapper().createObjectNode();
        if (metadata.isEmpty()) {
            if (n.payload().isObject()) {
                md.setAll((ObjectNode) n.payload().deepCopy());
            }
            md.put("event_type", n.eventType());
            md.put("host", n.publisherId());
            return md;
        }
        metadata.forEach((key, path) -> {
            JsonNode v = path.find(n);
            if (truthy(v)) {
                md.set(key, v.deepCopy());
            }
        });
        return md;
    }

    /** Python truthiness of a JSON value, as Ceilometer's {@code if value:} applies it. */
    static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isTextual()) {
            return !v.textValue().isEmpty();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.size() > 0;
    }

    /**
     * A name-based UUID of (notification id, meter, resource): the same notification delivered twice makes the same
     * sample id, which is what lets the store keep it once.
     */
    public static String sampleId(String messageId, String meter, String resourceId) {
        String key = messageId + '\u0000' + meter + '\u0000' + resourceId;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
