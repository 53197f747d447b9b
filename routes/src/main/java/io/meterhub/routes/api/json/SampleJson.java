package io.meterhub.routes.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import io.meterhub.store.query.StoredSample;

/** Samples in Ceilometer's two API shapes: {@code OldSample} ({@code /v2/meters/<name>}) and {@code Sample}. */
public final class SampleJson {

    private SampleJson() {}

    /** Ceilometer's {@code OldSample}: the meter-message field names, the volume as a float. */
    public static ObjectNode oldSample(StoredSample stored) {
        Sample s = stored.sample();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("source", s.source());
        o.put("counter_name", s.name());
        o.put("counter_type", s.type().wireName());
        o.put("counter_unit", s.unit());
        putVolume(o, "counter_volume", s);
        o.put("user_id", s.userId());
        o.put("project_id", s.projectId());
        o.put("resource_id", s.resourceId());
        o.put("timestamp", ApiTimes.format(s.timestamp()));
        o.put("recorded_at", ApiTimes.format(stored.recordedAt()));
        o.set("resource_metadata", FlatMetadata.of(s.resourceMetadata()));
        o.put("message_id", s.messageId());
        return o;
    }

    /** Ceilometer's {@code Sample} of {@code /v2/samples}. */
    public static ObjectNode sample(StoredSample stored) {
        Sample s = stored.sample();
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", s.messageId());
        o.put("meter", s.name());
        o.put("type", s.type().wireName());
        o.put("unit", s.unit());
        putVolume(o, "volume", s);
        o.put("user_id", s.userId());
        o.put("project_id", s.projectId());
        o.put("resource_id", s.resourceId());
        o.put("source", s.source());
        o.put("timestamp", ApiTimes.format(s.timestamp()));
        o.put("recorded_at", ApiTimes.format(stored.recordedAt()));
        o.set("metadata", FlatMetadata.of(s.resourceMetadata()));
        return o;
    }

    private static void putVolume(ObjectNode o, String field, Sample s) {
        if (s.volume() == null) {
            o.putNull(field);
        } else {
            o.put(field, s.volume().doubleValue());
        }
    }
}
