package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for the overwhelming majority of expressions: {@code $.a.b.c}, {@code a.b.c} or {@code a['b']}, a
 * chain of single field names from the document. It matches exactly when jsonpath_rw's {@code Child}/{@code Fields}
 * chain does: each step needs a dict that has the field; the last value may be null.
 */
final class DottedPath {

    private DottedPath() {}

    /** The field names to walk when {@code tree} is such a chain, else null. */
    static String[] fieldsOf(Node tree) {
        List<Node> steps = tree instanceof ChildNode c ? c.steps() : List.of(tree);
        List<String> names = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Node step = steps.get(i);
            if (i == 0 && step instanceof RootNode) {
                continue;
            }
            if (!(step instanceof FieldsNode f) || f.singleName() == null) {
                return null;
            }
            names.add(f.singleName());
        }
        return names.toArray(new String[0]);
    }

    /** The value at the end of the walk, or null when a step finds no such field. */
    static JsonNode walk(JsonNode root, String[] fields) {
        JsonNode node = root;
        for (String field : fields) {
            if (!node.isObject()) {
                return null;
            }
            node = node.get(field);
            if (node == null) {
                return null;
            }
        }
        return node;
    }
}
