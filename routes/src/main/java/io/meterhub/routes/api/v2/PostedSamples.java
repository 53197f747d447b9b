package io.meterhub.routes.api.v2;

import static io.meterhub.routes.api.query.QueryValues.ceilometerInvalidInput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import io.meterhub.model.Timestamps;
import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.auth.Caller;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The body of {@code POST /v2/meters/<name>} checked and completed as Ceilometer's {@code MeterController.post}
 * does: a non-empty list of OldSamples, each of this meter, of a known type, with the mandatory fields and without a
 * {@code message_id}; user and project default to the caller's, {@code source} becomes
 * {@code <project>:<source or openstack>}, the timestamp defaults to now, and flattened metadata keys
 * ({@code a.b}) are nested again. A caller who is not an admin may post only to its own project (403).
 *
 * @param messages the meter messages, as a polling agent would publish them (unsigned)
 * @param echo the posted samples as the response shows them
 */
record PostedSamples(List<ObjectNode> messages, ArrayNode echo) {

    private static final List<String> MANDATORY =
            List.of("counter_name", "counter_type", "counter_unit", "counter_volume", "resource_id");
    private static final Set<String> TYPES = Set.of("gauge", "delta", "cumulative");

    static PostedSamples read(byte[] body, String meter, Caller caller, Instant now) {
        JsonNode list = parse(body);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw ApiException.badRequest("Samples should be included in request body");
        }
        List<ObjectNode> messages = new ArrayList<>();
        ArrayNode echo = Json.mapper().createArrayNode();
        for (JsonNode item : list) {
            if (!item.isObject()) {
                throw ApiException.badRequest(
                        ceilometerInvalidInput("samples", item.toString(), "a sample is an object"));
            }
            ObjectNode m = message((ObjectNode) item, meter, caller, now);
            messages.add(m);
            echo.add(echo(m, (ObjectNode) item));
        }
        return new PostedSamples(messages, echo);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("the request body is not JSON: " + e.getMessage());
        }
    }

    private static ObjectNode message(ObjectNode s, String meter, Caller caller, Instant now) {
        for (String f : MANDATORY) {
            if (!s.hasNonNull(f)) {
                throw ApiException.badRequest(ceilometerInvalidInput(f, "None", "Mandatory field missing."));
            }
        }
        String name = s.get("counter_name").asText();
        if (!name.equals(meter)) {
            throw ApiException.badRequest(ceilometerInvalidInput("counter_name", name, "should be " + meter));
        }
        if (s.hasNonNull("message_id")) {
            throw ApiException.badRequest(ceilometerInvalidInput(
                    "message_id", s.get("message_id").asText(), "The message_id must not be set"));
        }
        String type = s.get("counter_type").asText();
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest(
                    ceilometerInvalidInput("counter_type", type, "The counter type must be: gauge, delta, cumulative"));
        }
        String project = text(s, "project_id", caller.projectId());
        if (!caller.admin() && !caller.projectId().equals(project)) {
            throw ApiException.forbidden("Not Authorized to access project " + project);
        }
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("source", project + ":" + text(s, "source", Sample.DEFAULT_SOURCE));
        m.put("counter_name", name);
        m.put("counter_type", type);
        m.put("counter_unit", s.get("counter_unit").asText());
        m.put("counter_volume", volume(s.get("counter_volume")));
        m.put("user_id", text(s, "user_id", caller.userId()));
        m.put("project_id", project);
        m.put("resource_id", s.get("resource_id").asText());
        m.put("timestamp", timestamp(s, now).toString());
        m.set("resource_metadata", nest(s.path("resource_metadata")));
        m.put("message_id", UUID.randomUUID().toString());
        return m;
    }

    private static ObjectNode echo(ObjectNode m, ObjectNode posted) {
        ObjectNode e = m.deepCopy();
        e.put(
                "timestamp",
                io.meterhub.routes.api.json.ApiTimes.format(
                        Instant.parse(m.get("timestamp").asText())));
        e.set(
                "resource_metadata",
                posted.path("resource_metadata").isObject()
                        ? posted.get("resource_metadata").deepCopy()
                        : Json.mapper().createObjectNode());
        return e;
    }

    private static String text(ObjectNode s, String field, String fallback) {
        JsonNode v = s.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? fallback : v.asText();
    }

    private static double volume(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.parseDouble(v.asText().strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(ceilometerInvalidInput("counter_volume", v.asText(), "Invalid float value"));
        }
    }

    private static Instant timestamp(ObjectNode s, Instant now) {
        JsonNode t = s.get("timestamp");
        if (t == null || t.isNull()) {
            return now;
        }
        return Timestamps.parse(t.asText())
                .orElseThrow(() -> ApiException.badRequest(
                        ceilometerInvalidInput("timestamp", t.asText(), "invalid timestamp format")));
    }

    /** Ceilometer's {@code utils.restore_nesting(metadata, separator='.')}. */
    static ObjectNode nest(JsonNode flat) {
        ObjectNode out = Json.mapper().createObjectNode();
        if (!flat.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = flat.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            put(out, e.getKey(), e.getValue());
        }
        return out;
    }

    private static void put(ObjectNode into, String key, JsonNode value) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            into.set(key, value.deepCopy());
            return;
        }
        String top = key.substring(0, dot);
        JsonNode existing = into.get(top);
        ObjectNode nest = existing != null && existing.isObject() ? (ObjectNode) existing : into.putObject(top);
        put(nest, key.substring(dot + 1), value);
    }
}
