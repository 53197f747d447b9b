package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.definition.FieldDefinition;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyType;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a Ceilometer meters.yaml, evaluated as Ceilometer 19's {@code MeterDefinition.to_samples} does: the
 * name, type and unit given in the file unless their expressions find a value; the user and project from the request
 * context unless the definition says otherwise; with {@code lookup}, one sample per value of the looked-up
 * attributes. Built by {@link MeterDefinitionReader}; immutable and thread-safe.
 */
public final class MeterDefinition implements SampleConverter {

    /** Ceilometer's {@code SAMPLE_ATTRIBUTES}, in its order. */
    static final List<String> SAMPLE_ATTRIBUTES =
            List.of("name", "type", "volume", "unit", "timestamp", "user_id", "project_id", "resource_id");

    private static final FieldDefinition FALLBACK_USER = FieldDefinition.of("user_id", "ctxt.user_id|ctxt.user");
    private static final FieldDefinition FALLBACK_PROJECT =
            FieldDefinition.of("project_id", "ctxt.project_id|ctxt.tenant_id");

    private final String name;
    private final JsonNode type;
    private final JsonNode unit;
    private final EventTypeMatcher eventTypes;
    private final Map<String, FieldDefinition> attributes;
    private final Map<String, FieldDefinition> metadata;
    private final FieldDefinition userMetadata;
    private final List<String> lookup;
    private final UserMetadata reserved;

    MeterDefinition(
            String name,
            JsonNode type,
            JsonNode unit,
            EventTypeMatcher eventTypes,
            Map<String, FieldDefinition> attributes,
            Map<String, FieldDefinition> metadata,
            FieldDefinition userMetadata,
            List<String> lookup,
            UserMetadata reserved) {
        this.name = name;
        this.type = type;
        this.unit = unit;
        this.eventTypes = eventTypes;
        this.attributes = attributes;
        this.metadata = metadata;
        this.userMetadata = userMetadata;
        this.lookup = lookup;
        this.reserved = reserved;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean matches(String eventType) {
        return eventTypes.matches(eventType);
    }

    @Override
    public List<Sample> toSamples(Notification n, JsonNode body) {
        List<RawSample> raw = lookup == null ? List.of(single(body)) : looked(body);
        List<Sample> samples = new ArrayList<>(raw.size());
        Set<String> ids = raw.size() > 1 ? new HashSet<>() : null;
        for (RawSample r : raw) {
            String resource = r.resourceId() == null || r.resourceId().isNull() ? "" : PyStr.str(r.resourceId());
            String meter = r.name() == null ? "" : PyStr.str(r.name());
            String id = SampleIds.of(n, meter, resource);
            for (int i = 1; ids != null && !ids.add(id); i++) {
                id = SampleIds.of(n, meter, resource + '\u0000' + i);
            }
            samples.add(r.toSample(n, id));
        }
        return samples;
    }

    private RawSample single(JsonNode body) {
        JsonNode[] v = defaults(body);
        for (int i = 0; i < SAMPLE_ATTRIBUTES.size(); i++) {
            FieldDefinition d = attributes.get(SAMPLE_ATTRIBUTES.get(i));
            if (d != null) {
                JsonNode found = d.parse(body);
                if (found != null) {
                    v[i] = found;
                }
            }
        }
        return new RawSample(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], metadata(body));
    }

    /** The lookup form: every attribute a list, zipped into samples; a length mismatch yields no sample. */
    private List<RawSample> looked(JsonNode body) {
        JsonNode[] defaults = defaults(body);
        List<List<JsonNode>> values = new ArrayList<>(SAMPLE_ATTRIBUTES.size());
        for (int i = 0; i < SAMPLE_ATTRIBUTES.size(); i++) {
            String attr = SAMPLE_ATTRIBUTES.get(i);
            List<JsonNode> v = singleton(defaults[i]);
            FieldDefinition d = attributes.get(attr);
            if (d != null) {
                List<JsonNode> found = d.parseAll(body);
                if (lookup.contains(attr) || attr.equals("name") || !found.isEmpty()) {
                    v = found;
                }
            }
            values.add(v);
        }
        int count = values.get(0).size();
        if (count == 0) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            int size = values.get(i).size();
            if (size != count && (size != 1 || lookup.contains(SAMPLE_ATTRIBUTES.get(i)))) {
                return List.of();
            }
        }
        ObjectNode md = metadata(body);
        List<RawSample> raw = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            JsonNode[] v = new JsonNode[SAMPLE_ATTRIBUTES.size()];
            for (int i = 0; i < v.length; i++) {
                List<JsonNode> l = values.get(i);
                v[i] = l.size() == count ? l.get(s) : l.get(0);
            }
            raw.add(new RawSample(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], md));
        }
        return raw;
    }

    private JsonNode[] defaults(JsonNode body) {
        JsonNode[] v = new JsonNode[SAMPLE_ATTRIBUTES.size()];
        v[0] = Json.mapper().getNodeFactory().textNode(name);
        v[1] = type;
        v[3] = unit;
        v[5] = FALLBACK_USER.parse(body);
        v[6] = FALLBACK_PROJECT.parse(body);
        return v;
    }

    private static List<JsonNode> singleton(JsonNode v) {
        List<JsonNode> l = new ArrayList<>(1);
        l.add(v);
        return l;
    }

    private ObjectNode metadata(JsonNode body) {
        ObjectNode md = Json.mapper().createObjectNode();
        metadata.forEach((key, d) -> {
            JsonNode v = d.parse(body);
            if (PyType.truthy(v)) {
                md.set(key, v);
            }
        });
        if (userMetadata != null) {
            JsonNode meta = userMetadata.parse(body);
            if (PyType.truthy(meta)) {
                reserved.addTo(meta, md);
            }
        }
        return md;
    }
}
