package io.meterhub.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Converts Jackson trees to BSON values, escaping keys with {@link FieldNames}. */
final class JsonToBson {

    private JsonToBson() {}

    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return document(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(e -> list.add(value(e)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.asText();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    static Document document(JsonNode object) {
        Document d = new Document();
        if (object == null) {
            return d;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            d.put(FieldNames.escape(e.getKey()), value(e.getValue()));
        }
        return d;
    }
}
