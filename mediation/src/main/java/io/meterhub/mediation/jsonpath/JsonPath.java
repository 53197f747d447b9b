package io.meterhub.mediation.jsonpath;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.jsonpath.python.PyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A compiled JSONPath expression in the dialect Ceilometer uses: Python's jsonpath_rw with jsonpath_rw_ext, with
 * the same grammar, the same matches in the same order, and the same errors. Immutable and thread-safe.
 *
 * <p>A plain dotted path such as {@code $.payload.a.b} or {@code payload.a}, or a union of them, is evaluated as a
 * direct walk of the document; everything else by the syntax tree.
 */
public final class JsonPath {

    private final String expression;
    private final Node tree;
    private final DottedPath dotted; // null unless a chain of field names or a union of such chains

    private JsonPath(String expression, Node tree) {
        this.expression = expression;
        this.tree = tree;
        this.dotted = DottedPath.of(tree);
    }

    /**
     * Compiles an expression.
     *
     * @throws JsonPathSyntaxException where jsonpath_rw_ext's parser raises
     */
    public static JsonPath compile(String expression) {
        Objects.requireNonNull(expression, "expression");
        return new JsonPath(expression, Parser.parse(expression));
    }

    /** The expression as compiled. */
    public String expression() {
        return expression;
    }

    /**
     * The matches in {@code root}, in Python's order; never null.
     *
     * @throws JsonPathEvaluationException where Python raises during {@code find}, e.g. {@code [0]} on a dict
     */
    public List<JsonPathMatch> find(JsonNode root) {
        if (dotted != null) {
            return dotted.find(root);
        }
        List<Datum> matches = evaluate(root);
        List<JsonPathMatch> out = new ArrayList<>(matches.size());
        for (Datum d : matches) {
            out.add(new JsonPathMatch(d.path(), d.value));
        }
        return out;
    }

    /**
     * The values of {@link #find}, without building their paths (Python's {@code jsonpath_rw_ext.match}).
     *
     * @throws JsonPathEvaluationException where Python raises during {@code find}
     */
    public List<JsonNode> values(JsonNode root) {
        if (dotted != null) {
            return dotted.values(root);
        }
        List<Datum> matches = evaluate(root);
        List<JsonNode> out = new ArrayList<>(matches.size());
        for (Datum d : matches) {
            out.add(d.value);
        }
        return out;
    }

    /**
     * The value of the first match that is not JSON null, or null when there is none: Ceilometer's
     * {@code Definition.parse} without a plugin. The whole expression is evaluated first, so this raises where
     * {@link #find} does.
     *
     * @throws JsonPathEvaluationException where Python raises during {@code find}
     */
    public JsonNode firstNonNullValue(JsonNode root) {
        if (dotted != null) {
            return dotted.firstNonNullValue(root);
        }
        for (Datum d : evaluate(root)) {
            if (!d.value.isNull()) {
                return d.value;
            }
        }
        return null;
    }

    private List<Datum> evaluate(JsonNode root) {
        Objects.requireNonNull(root, "root");
        try {
            List<Datum> matches = tree.find(Datum.document(root));
            for (Datum d : matches) {
                Node.valueOf(d); // Python's None instead of a datum (`parent` of the document) fails every user
            }
            return matches;
        } catch (PyException e) {
            throw new JsonPathEvaluationException(expression, e);
        }
    }

    /** {@link #find} without the dotted-path shortcut: for tests that check the shortcut. */
    List<JsonPathMatch> findByTree(JsonNode root) {
        List<JsonPathMatch> out = new ArrayList<>();
        for (Datum d : evaluate(root)) {
            out.add(new JsonPathMatch(d.path(), d.value));
        }
        return out;
    }

    /** The syntax tree, in the notation of the golden test. */
    String tree() {
        return tree.toString();
    }

    @Override
    public String toString() {
        return expression;
    }
}
