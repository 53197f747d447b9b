package io.meterhub.routes.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.mediation.jsonpath.python.PyStr;
import io.meterhub.model.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ceilometer's {@code flatten_metadata} ({@code v2/utils.py}): nested metadata flattened to one level, keys joined
 * with {@code .} after the first level and {@code :} below it ({@code {"a": {"b": {"c": 1}}}} is
 * {@code "a.b:c"}), keys sorted, every value as Python's {@code str()} ({@code 1}, {@code True}, {@code None},
 * {@code ['x', 'y']}).
 */
public final class FlatMetadata {

    private FlatMetadata() {}

    public static ObjectNode of(JsonNode metadata) {
        Map<String, String> flat = new TreeMap<>();
        if (metadata != null && metadata.isObject()) {
            collect("", metadata, flat);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        flat.forEach((k, v) -> out.put(key(k), v));
        return out;
    }

    private static void collect(String prefix, JsonNode node, Map<String, String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && !e.getValue().isEmpty()) {
                collect(name, e.getValue(), out);
            } else if (e.getValue().isObject()) {
                continue; // an empty dict yields no key pair
            } else {
                out.put(name, PyStr.str(e.getValue()));
            }
        }
    }

    /** {@code k.replace('.', ':').replace(':', '.', 1)}. */
    static String key(String k) {
        String colons = k.replace('.', ':');
        int first = colons.indexOf(':');
        return first < 0 ? colons : colons.substring(0, first) + "." + colons.substring(first + 1);
    }
}
