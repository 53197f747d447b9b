package io.meterhub.agent.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.agent.spi.Measurement;
import io.meterhub.agent.spi.Pollster;
import io.meterhub.model.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pollster from one {@link DynamicPollsterDefinition}: GETs its URL (JSON), takes the entries, and makes one
 * measurement per entry as Ceilometer's dynamic pollster does: the value at {@code value_attribute} (skipped when in
 * {@code skip_sample_values}, then mapped through {@code value_mapping}), the ids at the id attributes, and the
 * {@code metadata_fields} as metadata (renamed by {@code metadata_mapping}). An entry without a value, or whose value
 * is not a number once mapped, is skipped.
 */
public final class DynamicPollster implements Pollster {

    private final DynamicPollsterDefinition definition;
    private final HttpClient http;

    public DynamicPollster(DynamicPollsterDefinition definition, HttpClient http) {
        this.definition = definition;
        this.http = http;
    }

    @Override
    public String name() {
        return "dynamic." + definition.name();
    }

    @Override
    public Set<String> meterNames() {
        return Set.of(definition.name());
    }

    @Override
    public List<Measurement> poll(Set<String> meters) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(definition.url())
                .timeout(definition.timeout())
                .header("Accept", "application/json")
                .GET();
        definition.headers().forEach(request::header);
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("GET " + definition.url() + " answered " + response.statusCode());
        }
        JsonNode body = Json.mapper().readTree(response.body());
        List<Measurement> out = new ArrayList<>();
        for (JsonNode entry : entries(body)) {
            Number value = value(entry);
            if (value != null) {
                out.add(new Measurement(
                        definition.name(),
                        definition.sampleType(),
                        definition.unit(),
                        value,
                        text(JsonAttributes.get(entry, definition.userIdAttribute())),
                        text(JsonAttributes.get(entry, definition.projectIdAttribute())),
                        resourceId(entry),
                        metadata(entry)));
            }
        }
        return out;
    }

    private Iterable<JsonNode> entries(JsonNode body) {
        if (body.isArray()) {
            return body;
        }
        String key = definition
                .responseEntriesKey()
                .orElseGet(() -> body.fieldNames().hasNext() ? body.fieldNames().next() : "");
        JsonNode entries = JsonAttributes.get(body, key);
        if (entries == null || entries.isNull()) {
            return List.of();
        }
        return entries.isArray() ? entries : List.of(entries);
    }

    private Number value(JsonNode entry) {
        JsonNode raw = JsonAttributes.get(entry, definition.valueAttribute());
        if (raw == null || raw.isNull()) {
            return null;
        }
        Object plain = plain(raw);
        if (definition.skipSampleValues().stream().anyMatch(s -> sameValue(s, plain))) {
            return null;
        }
        Object mapped = plain;
        if (!definition.valueMapping().isEmpty()) {
            mapped = definition.valueMapping().entrySet().stream()
                    .filter(e -> e.getKey().equals(String.valueOf(plain)))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(definition.defaultValue());
        }
        return number(mapped);
    }

    private String resourceId(JsonNode entry) {
        String id = text(JsonAttributes.get(entry, definition.resourceIdAttribute()));
        return id != null ? id : definition.name();
    }

    private ObjectNode metadata(JsonNode entry) {
        ObjectNode meta = Json.mapper().createObjectNode();
        for (String field : definition.metadataFields()) {
            JsonNode v = JsonAttributes.get(entry, field);
            meta.set(field, v == null ? Json.mapper().nullNode() : v.deepCopy());
        }
        definition.metadataMapping().forEach((from, to) -> {
            if (meta.has(from)) {
                meta.set(to, meta.get(from));
                if (!definition.preserveMappedMetadata()) {
                    meta.remove(from);
                }
            }
        });
        return meta;
    }

    private static Object plain(JsonNode v) {
        if (v.isNumber()) {
            return v.numberValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    private static boolean sameValue(Object configured, Object actual) {
        if (configured instanceof Number a && actual instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return String.valueOf(configured).equals(String.valueOf(actual));
    }

    private static Number number(Object v) {
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            String s = String.valueOf(v).trim();
            return s.matches("[+-]?\\d+") ? (Number) Long.parseLong(s) : (Number) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString();
    }
}
