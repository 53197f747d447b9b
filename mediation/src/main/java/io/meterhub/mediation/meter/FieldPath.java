package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.meterhub.model.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain field path such as {@code $.payload.image_meta.base_image_ref}, {@code payload.volume_attachment[0]} or
 * {@code $.payload.glance_metadata[?key=image_id].value} (the first element whose {@code key} is {@code image_id}),
 * evaluated against the notification in oslo's listener form: roots {@code payload}, {@code ctxt},
 * {@code publisher_id}, {@code event_type}, {@code priority}, {@code metadata.message_id}, {@code metadata.timestamp}.
 */
public final class FieldPath {

    private final String expression;
    private final String root;
    private final List<Object> steps; // String field names, Integer indexes and Filters

    /** {@code [?field=value]}: the first array element whose {@code field} equals {@code value}. */
    private record Filter(String field, String value) {}

    private FieldPath(String expression, String root, List<Object> steps) {
        this.expression = expression;
        this.root = root;
        this.steps = steps;
    }

    public static FieldPath parse(String expression) {
        String e = expression.startsWith("$.") ? expression.substring(2) : expression;
        List<Object> steps = new ArrayList<>();
        for (String part : e.split("\\.", -1)) {
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            if (field.isEmpty()) {
                throw new IllegalArgumentException("empty field name in path '" + expression + "'");
            }
            steps.add(field);
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in path '" + expression + "'");
                }
                steps.add(step(expression, part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        String root = (String) steps.remove(0);
        return new FieldPath(expression, root, List.copyOf(steps));
    }

    private static Object step(String expression, String inside) {
        if (inside.startsWith("?") && inside.indexOf('=') > 1) {
            int eq = inside.indexOf('=');
            return new Filter(
                    inside.substring(1, eq).trim(), inside.substring(eq + 1).trim());
        }
        try {
            return Integer.parseInt(inside.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'[" + inside + "]' in path '" + expression + "' is neither an index nor a [?field=value] filter");
        }
    }

    /** The value at this path, or a missing node; JSON null counts as missing, as in Ceilometer. */
    public JsonNode find(Notification n) {
        JsonNode node = rootNode(n);
        for (Object step : steps) {
            if (step instanceof Integer i) {
                node = node.path(i);
            } else if (step instanceof Filter f) {
                node = select(node, f);
            } else {
                node = node.path((String) step);
            }
        }
        return node.isNull() ? MissingNode.getInstance() : node;
    }

    private static JsonNode select(JsonNode array, Filter f) {
        for (JsonNode element : array) {
            if (f.value().equals(element.path(f.field()).asText(null))) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }

    /** The value as text, or null when missing. */
    public String text(Notification n) {
        JsonNode v = find(n);
        return v.isMissingNode() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private JsonNode rootNode(Notification n) {
        return switch (root) {
            case "payload" -> n.payload();
            case "ctxt" -> n.context();
            case "metadata" -> n.message(); // metadata.message_id and metadata.timestamp are top-level keys
            default -> n.message().path(root);
        };
    }

    @Override
    public String toString() {
        return expression;
    }
}
