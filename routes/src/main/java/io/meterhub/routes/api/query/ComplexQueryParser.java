package io.meterhub.routes.api.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Json;
import io.meterhub.model.Timestamps;
import io.meterhub.routes.api.ApiException;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.Sort;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Ceilometer's complex query for samples ({@code v2/query.py}, {@code ValidatedComplexQuery} with the sample model):
 * a JSON body {@code {"filter": "<json>", "orderby": "<json>", "limit": n}} whose filter is a tree of
 * {@code and}/{@code or} (two or more operands), {@code not}, {@code in} (a non-empty list of strings or numbers)
 * and the comparisons {@code = != < > <= =< >= => =~}, operators in any case; each node an object of exactly one key.
 * Fields are the sample model's, plus the aliases {@code user}, {@code project}, {@code resource}, {@code meter},
 * {@code type}, {@code unit}, {@code volume} and {@code metadata.<key>} (filter only); {@code timestamp} values are
 * ISO 8601. The orderby is a list of {@code {"<field>": "asc"|"desc"}}. Errors are 400 with Ceilometer's prefixes
 * ({@code Filter expression not valid: ...}, {@code Order-by expression not valid: ...}).
 */
public final class ComplexQueryParser {

    /** The fields of Ceilometer's {@code storage.models.Sample}. */
    static final Set<String> SAMPLE_FIELDS = Set.of(
            "source",
            "counter_name",
            "counter_type",
            "counter_unit",
            "counter_volume",
            "user_id",
            "project_id",
            "resource_id",
            "timestamp",
            "resource_metadata",
            "message_id",
            "message_signature",
            "recorded_at");

    static final Map<String, String> ALIASES = Map.of(
            "user", "user_id",
            "project", "project_id",
            "resource", "resource_id",
            "meter", "counter_name",
            "type", "counter_type",
            "unit", "counter_unit",
            "volume", "counter_volume");

    private static final Set<String> TIMESTAMP_FIELDS = Set.of("timestamp", "recorded_at");
    private static final Set<String> BODY_KEYS = Set.of("filter", "orderby", "limit");

    private ComplexQueryParser() {}

    /** Parses the request body. */
    public static ComplexQuery parse(byte[] body) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the request body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the request body cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the request body must be a JSON object with filter, orderby and limit");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!BODY_KEYS.contains(key)) {
                throw ApiException.badRequest("Unknown argument: \"" + key + "\"");
            }
        }
        Filter filter = root.hasNonNull("filter") ? filter(text(root.get("filter"), "filter")) : Filter.ALL;
        List<Sort> orderBy =
                root.hasNonNull("orderby") ? OrderByParser.parse(text(root.get("orderby"), "orderby")) : List.of();
        Integer limit = null;
        if (root.hasNonNull("limit")) {
            JsonNode l = root.get("limit");
            if (!l.canConvertToInt() || !l.isIntegralNumber()) {
                throw ApiException.badRequest(
                        QueryValues.ceilometerInvalidInput("limit", l.asText(), "unable to convert to int"));
            }
            limit = l.intValue();
            if (limit <= 0) {
                throw ApiException.badRequest("Limit should be positive");
            }
        }
        return new ComplexQuery(filter, orderBy, limit);
    }

    private static String text(JsonNode n, String name) {
        if (!n.isTextual()) {
            throw ApiException.badRequest(QueryValues.ceilometerInvalidInput(
                    name, n.toString(), "the " + name + " is a JSON document encoded in a string"));
        }
        return n.asText();
    }

    /** The filter expression (a JSON text). */
    static Filter filter(String json) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw invalidFilter(e.getOriginalMessage());
        }
        if (tree == null) {
            throw invalidFilter("the filter is empty");
        }
        return node(tree);
    }

    private static Filter node(JsonNode n) {
        String op = singleKey(n, "an expression");
        JsonNode arg = n.get(op);
        String lower = op.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "and", "or" -> {
                if (!arg.isArray() || arg.size() < 2) {
                    throw invalidFilter("'" + op + "' needs a list of at least two expressions, got " + arg);
                }
                List<Filter> operands = new ArrayList<>();
                arg.forEach(a -> operands.add(node(a)));
                return lower.equals("and") ? new Filter.And(operands) : new Filter.Or(operands);
            }
            case "not" -> {
                return new Filter.Not(node(arg));
            }
            case "in" -> {
                return in(arg);
            }
            default -> {
                return comparison(op, lower, arg);
            }
        }
    }

    private static Filter in(JsonNode arg) {
        String field = singleKey(arg, "the operand of 'in'");
        String stored = filterField(field);
        JsonNode values = arg.get(field);
        if (!values.isArray() || values.isEmpty()) {
            throw invalidFilter("'in' needs a non-empty list of values for " + field + ", got " + values);
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.isTextual() && !v.isNumber()) {
                throw invalidFilter(v + " is not a string or a number");
            }
            out.add(value(stored, v));
        }
        return new Filter.In(stored, out);
    }

    private static Filter comparison(String op, String lower, JsonNode arg) {
        Op parsed =
                switch (lower) {
                    case "=" -> Op.EQ;
                    case "!=" -> Op.NE;
                    case "<" -> Op.LT;
                    case ">" -> Op.GT;
                    case "<=", "=<" -> Op.LE;
                    case ">=", "=>" -> Op.GE;
                    case "=~" -> null;
                    default -> throw invalidFilter(
                            "unknown operator '" + op + "' (and, or, not, in, =, !=, <, >, <=, =<, >=, =>, =~)");
                };
        String field = singleKey(arg, "the operand of '" + op + "'");
        String stored = filterField(field);
        JsonNode v = arg.get(field);
        if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
            throw invalidFilter(v + " is not a string, a number or a boolean");
        }
        if (parsed == null) {
            if (!v.isTextual()) {
                throw invalidFilter("'=~' needs a regular expression string, got " + v);
            }
            return new Filter.Matches(stored, v.asText());
        }
        return new Filter.Compare(stored, parsed, value(stored, v));
    }

    private static Object value(String storedField, JsonNode v) {
        if (TIMESTAMP_FIELDS.contains(storedField)) {
            Instant t = v.isTextual() ? Timestamps.parse(v.asText()).orElse(null) : null;
            if (t == null) {
                throw ApiException.badRequest("Failed to parse the timestamp value " + v.asText());
            }
            return t;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asText();
    }

    private static String singleKey(JsonNode n, String what) {
        if (!n.isObject() || n.size() != 1) {
            throw invalidFilter(what + " must be an object with exactly one key, got " + n);
        }
        return n.fieldNames().next();
    }

    private static String filterField(String field) {
        if (field.startsWith("metadata.") && field.length() > "metadata.".length() && !field.matches(".*\\s.*")) {
            return "resource_" + field;
        }
        String stored = ALIASES.getOrDefault(field, field);
        if (!SAMPLE_FIELDS.contains(stored)) {
            throw invalidFilter("'" + field + "' is not a field of samples");
        }
        return stored;
    }

    private static ApiException invalidFilter(String why) {
        return ApiException.badRequest("Filter expression not valid: " + why);
    }
}
