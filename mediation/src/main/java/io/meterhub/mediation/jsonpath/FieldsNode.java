package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyStr;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code name}, {@code a,b} or {@code *}: the named fields of a dict that it has, in the order written; with
 * {@code *} among the names, every field in document order. Nothing on anything but a dict.
 */
final class FieldsNode extends Node {

    private final String[] names;
    private final boolean all;

    FieldsNode(List<String> names) {
        this.names = names.toArray(new String[0]);
        this.all = names.contains("*");
    }

    /** The field names as written; {@code *} stands for all. */
    List<String> names() {
        return List.of(names);
    }

    /** The single field name, or null when this selects several fields or all of them. */
    String singleName() {
        return names.length == 1 && !all ? names[0] : null;
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        Datum context = datum.wrap();
        JsonNode value = context.value;
        if (!value.isObject()) {
            return;
        }
        if (all) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                out.add(Datum.field(field.getValue(), context, field.getKey()));
            }
            return;
        }
        for (String name : names) {
            JsonNode child = value.get(name);
            if (child != null) {
                out.add(Datum.field(child, context, name));
            }
        }
    }

    @Override
    public String toString() {
        return Stream.of(names).map(PyStr::repr).collect(Collectors.joining(",", "Fields(", ")"));
    }
}
