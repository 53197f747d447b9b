package io.meterhub.routes.api.v2;

import io.meterhub.routes.api.ApiException;
import io.meterhub.routes.api.QueryParams;
import io.meterhub.routes.api.query.QueryValues;
import io.meterhub.store.query.Aggregate;
import io.meterhub.store.query.AggregateFunction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The statistics parameters besides {@code q}: {@code period} (seconds; 0 or absent for one period, negative
 * refused), {@code groupby} (repeatable: {@code user_id}, {@code project_id}, {@code resource_id}, {@code source},
 * {@code resource_metadata.<key>}; duplicates dropped) and {@code aggregate.func}/{@code aggregate.param} (paired by
 * position; duplicates dropped; {@code cardinality} needs a param of {@code resource_id}, {@code project_id} or
 * {@code user_id}).
 */
record StatisticsParams(Long period, List<String> groupBy, List<Aggregate> aggregates) {

    private static final Set<String> GROUP_FIELDS = Set.of("user_id", "resource_id", "project_id", "source");
    private static final Set<String> CARDINALITY_FIELDS = Set.of("resource_id", "project_id", "user_id");

    static StatisticsParams of(QueryParams q) {
        return new StatisticsParams(period(q), groupBy(q), aggregates(q));
    }

    private static Long period(QueryParams q) {
        String raw = q.last("period").orElse(null);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        long p;
        try {
            p = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(
                    QueryValues.ceilometerInvalidInput("period", raw, "unable to convert to int"));
        }
        if (p < 0) {
            throw ApiException.badRequest("Period must be positive.");
        }
        if (p > Integer.MAX_VALUE) {
            throw ApiException.badRequest("Invalid period " + raw + ": the period is too long");
        }
        return p == 0 ? null : p;
    }

    private static List<String> groupBy(QueryParams q) {
        List<String> fields = new ArrayList<>(new LinkedHashSet<>(q.all("groupby")));
        Set<String> invalid = new TreeSet<>();
        for (String f : fields) {
            boolean metadata = f.startsWith("resource_metadata.") && f.length() > "resource_metadata.".length();
            if (!GROUP_FIELDS.contains(f) && !metadata) {
                invalid.add(f);
            }
        }
        if (!invalid.isEmpty()) {
            throw ApiException.badRequest("Unknown argument: \""
                    + invalid.stream().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "{", "}"))
                    + "\": Invalid groupby fields");
        }
        return fields;
    }

    private static List<Aggregate> aggregates(QueryParams q) {
        List<String> funcs = q.all("aggregate.func");
        List<String> params = q.all("aggregate.param");
        Set<Aggregate> out = new LinkedHashSet<>();
        for (int i = 0; i < funcs.size(); i++) {
            String param = i < params.size() && !params.get(i).isEmpty() ? params.get(i) : null;
            out.add(aggregate(funcs.get(i), param));
        }
        return List.copyOf(out);
    }

    private static Aggregate aggregate(String func, String param) {
        AggregateFunction f;
        try {
            f = AggregateFunction.valueOf(func.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(
                    "Invalid aggregation function: " + func + " (min, max, avg, sum, count, stddev, cardinality)");
        }
        if (!func.equals(f.wireName())) {
            throw ApiException.badRequest(
                    "Invalid aggregation function: " + func + " (min, max, avg, sum, count, stddev, cardinality)");
        }
        if (f == AggregateFunction.CARDINALITY) {
            if (param == null || !CARDINALITY_FIELDS.contains(param)) {
                throw ApiException.badRequest("Invalid aggregate parameter for cardinality: " + param
                        + " (resource_id, project_id or user_id)");
            }
            return new Aggregate(f, param);
        }
        return Aggregate.of(f);
    }
}
