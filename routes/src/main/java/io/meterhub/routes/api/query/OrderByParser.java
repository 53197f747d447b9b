package io.meterhub.routes.api.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import io.meterhub.routes.api.ApiException;
import io.meterhub.store.query.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code orderby} of a complex query: a JSON list of {@code {"<field>": "asc"|"desc"}} (directions in any case),
 * fields of the sample model or their aliases ({@link ComplexQueryParser#ALIASES}); errors are 400
 * {@code Order-by expression not valid: ...}.
 */
final class OrderByParser {

    private OrderByParser() {}

    /** The orderby expression (a JSON text). */
    static List<Sort> parse(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw invalidOrderBy(e.getOriginalMessage());
        }
        if (tree == null || !tree.isArray()) {
            throw invalidOrderBy("a list of {\"<field>\": \"asc\"|\"desc\"} expected, got " + tree);
        }
        List<Sort> sorts = new ArrayList<>();
        for (JsonNode item : tree) {
            if (!item.isObject() || item.size() != 1) {
                throw invalidOrderBy("each entry must be an object with exactly one key, got " + item);
            }
            String field = item.fieldNames().next();
            String stored = ComplexQueryParser.ALIASES.getOrDefault(field, field);
            if (!ComplexQueryParser.SAMPLE_FIELDS.contains(stored)) {
                throw invalidOrderBy("'" + field + "' is not a field of samples");
            }
            JsonNode dir = item.get(field);
            String d = dir.isTextual() ? dir.asText().toLowerCase(Locale.ROOT) : "";
            if (!d.equals("asc") && !d.equals("desc")) {
                throw invalidOrderBy("the direction of " + field + " must be asc or desc, got " + dir);
            }
            sorts.add(new Sort(stored, d.equals("asc")));
        }
        return sorts;
    }

    private static ApiException invalidOrderBy(String why) {
        return ApiException.badRequest("Order-by expression not valid: " + why);
    }
}
