package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.mediation.jsonpath.python.PyStrings;
import io.meterhub.model.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Ceilometer's {@code add_reserved_user_metadata}: the user metadata keys under a reserved namespace
 * ({@code metering.} by default) or listed as reserved keys, dots turned into underscores and text cut to a length,
 * copied under {@code user_metadata} of the sample's resource metadata.
 *
 * @param namespaces Ceilometer's {@code reserved_metadata_namespace}
 * @param keys Ceilometer's {@code reserved_metadata_keys}
 * @param length Ceilometer's {@code reserved_metadata_length}
 */
public record UserMetadata(List<String> namespaces, List<String> keys, int length) {

    /** Ceilometer's defaults: namespace {@code metering.}, no keys, 256 characters. */
    public static final UserMetadata DEFAULTS = new UserMetadata(List.of("metering."), List.of(), 256);

    public UserMetadata {
        namespaces = List.copyOf(namespaces);
        keys = List.copyOf(keys);
    }

    /** Adds the reserved part of {@code source} (a mapping) to {@code metadata}. */
    void addTo(JsonNode source, ObjectNode metadata) {
        if (!source.isObject()) {
            throw new IllegalArgumentException("user_metadata " + PyStr.repr(source) + " is not a mapping");
        }
        ObjectNode user = Json.mapper().createObjectNode();
        for (String prefix : namespaces) {
            each(source, (k, v) -> {
                if (k.startsWith(prefix)) {
                    put(user, metadata, k.substring(prefix.length()), v);
                }
            });
        }
        for (String key : keys) {
            each(source, (k, v) -> {
                if (k.equals(key)) {
                    put(user, metadata, k, v);
                }
            });
        }
        if (!user.isEmpty()) {
            metadata.set("user_metadata", user);
        }
    }

    private void put(ObjectNode user, ObjectNode metadata, String key, JsonNode value) {
        String name = key.replace('.', '_');
        if (!metadata.has(name)) {
            user.set(name, value.isTextual() ? user.textNode(PyStrings.prefix(value.textValue(), length)) : value);
        }
    }

    private static void each(JsonNode source, java.util.function.BiConsumer<String, JsonNode> action) {
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            action.accept(f.getKey(), f.getValue());
        }
    }
}
