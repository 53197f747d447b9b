package io.meterhub.store.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.store.FieldNames;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Converts stored BSON values back to Jackson trees, unescaping keys with {@link FieldNames}. */
final class BsonToJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BsonToJson() {}

    /** The object stored under a metadata field; an empty object for null or a non-document. */
    static ObjectNode object(Object value) {
        ObjectNode out = NODES.objectNode();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.set(FieldNames.unescape(String.valueOf(k)), value(v)));
        }
        return out;
    }

    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Map<?, ?>) {
            return object(v);
        }
        if (v instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode(list.size());
            list.forEach(e -> array.add(value(e)));
            return array;
        }
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer || v instanceof Long) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return NODES.numberNode(n.doubleValue());
        }
        if (v instanceof Date d) {
            return NODES.textNode(d.toInstant().toString());
        }
        return NODES.textNode(String.valueOf(v));
    }
}
