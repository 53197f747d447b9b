package io.meterhub.mediation.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.meterhub.model.Notification;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain field path such as {@code $.payload.image_meta.base_image_ref} or {@code payload.volume_attachment[0]},
 * evaluated against the notification in oslo's listener form: roots {@code payload}, {@code ctxt},
 * {@code publisher_id}, {@code event_type}, {@code priority}, {@code metadata.message_id}, {@code metadata.timestamp}.
 */
public final class FieldPath {

    private final String expression;
    private final String root;
    private final List<Object> steps; // String field names and Integer indexes

    private FieldPath(String expression, String root, List<Object> steps) {
        this.expression = expression;
        this.root = root;
        this.steps = steps;
    }

    public static FieldPath parse(String expression) {
        String e = expression.startsWith("$.") ? expression.substring(2) : expression;
        List<Object> steps = new ArrayList<>();
        for (String part : e.split("\\.")) {
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
                steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        String root = (String) steps.remove(0);
        return new FieldPath(expression, root, List.copyOf(steps));
    }

    /** The value at this path, or a missing node; JSON null counts as missing, as in Ceilometer. */
    public JsonNode find(Notification n) {
        JsonNode node = rootNode(n);
        for (Object step : steps) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node.isNull() ? MissingNode.getInstance() : node;
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
