package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path for the overwhelming majority of expressions: a chain of single field names from the document, such
 * as {@code $.a.b.c}, {@code a.b.c} or {@code a['b']}, or a union of such chains, such as {@code (a.b)|(c.d)} (what a
 * list of fields in a definition becomes). A chain matches exactly when jsonpath_rw's {@code Child}/{@code Fields}
 * chain does: each step needs a dict that has the field; the last value may be null. Immutable.
 */
final class DottedPath {

    private final String[][] chains;
    private final String[] paths;

    private DottedPath(List<String[]> chains) {
        this.chains = chains.toArray(new String[0][]);
        this.paths = new String[this.chains.length];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = String.join(".", this.chains[i]);
        }
    }

    /** The fast path for {@code tree}, or null when it is not a chain or a union of chains. */
    static DottedPath of(Node tree) {
        List<String[]> chains = new ArrayList<>();
        return collect(tree, chains) ? new DottedPath(chains) : null;
    }

    private static boolean collect(Node tree, List<String[]> chains) {
        if (tree instanceof UnionNode u) {
            return collect(u.left(), chains) && collect(u.right(), chains);
        }
        String[] fields = fieldsOf(tree);
        if (fields != null) {
            chains.add(fields);
        }
        return fields != null;
    }

    /**
     * The field names of {@code tree} when it is a chain of single field names, optionally starting with {@code $} or
     * {@code @} (which are the same where a chain starts: at a datum without context); else null.
     */
    static String[] fieldsOf(Node tree) {
        List<Node> steps = tree instanceof ChildNode c ? c.steps() : List.of(tree);
        List<String> names = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Node step = steps.get(i);
            if (i == 0 && (step instanceof RootNode || step instanceof ThisNode)) {
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

    List<JsonPathMatch> find(JsonNode root) {
        if (chains.length == 1) {
            JsonNode value = walk(root, chains[0]);
            return value == null ? List.of() : List.of(new JsonPathMatch(paths[0], value));
        }
        List<JsonPathMatch> out = new ArrayList<>(chains.length);
        for (int i = 0; i < chains.length; i++) {
            JsonNode value = walk(root, chains[i]);
            if (value != null) {
                out.add(new JsonPathMatch(paths[i], value));
            }
        }
        return out;
    }

    List<JsonNode> values(JsonNode root) {
        if (chains.length == 1) {
            JsonNode value = walk(root, chains[0]);
            return value == null ? List.of() : List.of(value);
        }
        List<JsonNode> out = new ArrayList<>(chains.length);
        for (String[] chain : chains) {
            JsonNode value = walk(root, chain);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    JsonNode firstNonNullValue(JsonNode root) {
        for (String[] chain : chains) {
            JsonNode value = walk(root, chain);
            if (value != null && !value.isNull()) {
                return value;
            }
        }
        return null;
    }
}
