package io.meterhub.agent.dynamic;

import com.fasterxml.jackson.databind.JsonNode;

/** Ceilometer's dynamic-pollster attribute paths: {@code a.b.c} walks nested objects, {@code .} is the entry itself. */
final class JsonAttributes {

    private JsonAttributes() {}

    /** The value at {@code path} in {@code node}, or null when a step is missing. */
    static JsonNode get(JsonNode node, String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        if (path.equals(".")) {
            return node;
        }
        JsonNode cur = node;
        for (String key : path.split("\\.")) {
            if (cur == null || !cur.isObject()) {
                return null;
            }
            cur = cur.get(key);
        }
        return cur;
    }
}
