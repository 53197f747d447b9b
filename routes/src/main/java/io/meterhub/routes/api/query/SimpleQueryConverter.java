package io.meterhub.routes.api.query;

import static io.meterhub.routes.api.query.QueryValues.ceilometerInvalidInput;

import io.meterhub.routes.api.ApiException;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ceilometer's simple query ({@code v2/utils.py}: {@code validate_query}, then {@code query_to_kwargs}) turned into a
 * {@link Filter} on stored sample fields, with its rules and messages:
 *
 * <ul>
 *   <li>{@code timestamp} only where the endpoint allows it, with {@code lt}/{@code le} (upper bound) or
 *       {@code gt}/{@code ge} (lower bound); {@code search_offset} (minutes, widening both bounds) only beside a
 *       timestamp;
 *   <li>every other field only with {@code eq}; {@code user_id}, {@code project_id}, {@code resource_id} (or
 *       {@code user}, {@code project}, {@code resource}) and the endpoint's other keys compare as text, the last
 *       condition on a field winning;
 *   <li>{@code metadata.<key>} and {@code resource_metadata.<key>} compare the resource metadata, the value
 *       converted by {@code q.type} or guessed ({@link QueryValues});
 *   <li>{@code limit} is refused as a field where the storage function takes one.
 * </ul>
 */
public final class SimpleQueryConverter {

    private static final List<String> OPS = List.of("lt", "le", "eq", "ne", "ge", "gt");
    private static final List<String> OPS_SORTED = List.of("eq", "ge", "gt", "le", "lt", "ne");

    private SimpleQueryConverter() {}

    public static SampleCriteria convert(List<SimpleQuery> query, QueryTarget target) {
        return convert(query, target, null);
    }

    /**
     * For the endpoints of one meter: {@code meter} replaces any {@code meter} condition of the query, as Ceilometer
     * sets {@code kwargs['meter']} after converting it.
     */
    public static SampleCriteria convert(List<SimpleQuery> query, QueryTarget target, String meter) {
        validate(query, target);
        Map<String, Object> equalities = new LinkedHashMap<>();
        SimpleQuery start = null;
        SimpleQuery end = null;
        String searchOffset = null;
        for (SimpleQuery q : query) {
            String op = q.opOrDefault();
            if ("timestamp".equals(q.field())) {
                if (op.equals("lt") || op.equals("le")) {
                    end = q;
                } else if (op.equals("gt") || op.equals("ge")) {
                    start = q;
                } // another operator on a later timestamp condition is ignored, as query_to_kwargs ignores it
            } else if ("search_offset".equals(q.field())) {
                searchOffset = q.value();
            } else if (isMetadata(q.field())) {
                String key = q.field().startsWith("metadata.")
                        ? q.field().substring("metadata.".length())
                        : q.field().substring("resource_metadata.".length());
                equalities.put("resource_metadata." + key, QueryValues.convert(q.value(), q.type(), QueryValues.TYPES));
            } else {
                String key = QueryTarget.TRANSLATION.getOrDefault(q.field(), q.field());
                if (key.equals("limit")) {
                    throw ApiException.badRequest("Limit is not a valid field for queries, use 'limit' parameter.");
                }
                equalities.put(QueryTarget.STORED.get(key), q.value());
            }
        }
        if (meter != null) {
            equalities.put("counter_name", meter);
        }
        List<Filter> all = new ArrayList<>();
        equalities.forEach((field, value) -> all.add(Filter.eq(field, value)));
        Duration offset = Duration.ofMinutes(searchOffset == null ? 0 : minutes(searchOffset));
        Instant requestedStart = start == null ? null : QueryValues.timestamp("timestamp", start.value());
        Instant requestedEnd = end == null ? null : QueryValues.timestamp("timestamp", end.value());
        Instant from = requestedStart == null ? null : requestedStart.minus(offset);
        Instant to = requestedEnd == null ? null : requestedEnd.plus(offset);
        if (from != null) {
            all.add(new Filter.Compare("timestamp", start.opOrDefault().equals("gt") ? Op.GT : Op.GE, from));
        }
        if (to != null) {
            all.add(new Filter.Compare("timestamp", end.opOrDefault().equals("lt") ? Op.LT : Op.LE, to));
        }
        return new SampleCriteria(new Filter.And(all), from, to, requestedStart, requestedEnd);
    }

    /** {@code validate_query}: operators, fields and timestamp rules, in Ceilometer's order. */
    static void validate(List<SimpleQuery> query, QueryTarget target) {
        for (SimpleQuery q : query) {
            if (!OPS.contains(q.opOrDefault())) {
                throw ApiException.badRequest(ceilometerInvalidInput(
                        "op", q.op(), "Value should be one of: " + String.join(", ", OPS_SORTED)));
            }
        }
        boolean timestamp = validateTimestampField(query, target, "timestamp", List.of("lt", "le", "gt", "ge"));
        boolean offset = validateTimestampField(query, target, "search_offset", List.of("eq"));
        if (offset && !timestamp) {
            throw ApiException.badRequest(
                    ceilometerInvalidInput("field", "search_offset", "search_offset cannot be used without timestamp"));
        }
        for (SimpleQuery q : query) {
            if ("timestamp".equals(q.field()) || "search_offset".equals(q.field())) {
                continue;
            }
            String key = q.field() == null ? null : QueryTarget.TRANSLATION.getOrDefault(q.field(), q.field());
            if (key != null && (target.validKeys().contains(key) || isMetadata(q.field()))) {
                if (!q.opOrDefault().equals("eq")) {
                    throw ApiException.badRequest(
                            ceilometerInvalidInput("op", q.opOrDefault(), "unimplemented operator for " + q.field()));
                }
                if (isMetadata(q.field())) {
                    QueryValues.convert(q.value(), q.type(), QueryValues.TYPES);
                }
            } else {
                throw ApiException.badRequest("Unknown argument: \"" + (key == null ? "None" : key)
                        + "\": unrecognized field in query: "
                        + query.stream().map(SimpleQuery::repr).collect(Collectors.joining(", ", "[", "]"))
                        + ", valid keys: " + PythonRepr.list(target.validKeys()));
            }
        }
    }

    /** {@code _validate_timestamp_fields}: like Ceilometer, only the first condition on the field is checked. */
    private static boolean validateTimestampField(
            List<SimpleQuery> query, QueryTarget target, String field, List<String> ops) {
        for (SimpleQuery q : query) {
            if (field.equals(q.field())) {
                if (!target.allowsTimestamps()) {
                    throw ApiException.badRequest("Unknown argument: \"" + field + "\": not valid for this resource");
                }
                if (!ops.contains(q.opOrDefault())) {
                    throw ApiException.badRequest(
                            ceilometerInvalidInput("op", q.opOrDefault(), "unimplemented operator for " + field));
                }
                return true;
            }
        }
        return false;
    }

    static boolean isMetadata(String field) {
        return field != null && (field.startsWith("metadata.") || field.startsWith("resource_metadata."));
    }

    private static long minutes(String value) {
        Object v = QueryValues.integer(value == null ? "" : value);
        if (!(v instanceof Long l)) {
            throw ApiException.badRequest(ceilometerInvalidInput("search_offset", value, "invalid integer"));
        }
        return l;
    }
}
