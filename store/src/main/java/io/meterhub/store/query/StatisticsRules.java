package io.meterhub.store.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a statistics query may ask, checked the same way by every {@link StatisticsSource}; a violation is an
 * {@link IllegalArgumentException} naming it. Sources: Ceilometer's {@code CARDINALITY_VALIDATION}
 * ({@code ceilometer/storage/mongo/utils.py}: resource_id, user_id, project_id, source), its group-by fields
 * ({@code impl_mongodb.get_meter_statistics}, widened here to any {@code resource_metadata.<key>}), and the API's
 * positive period ({@code v2/meters.py MeterController.statistics}).
 */
public final class StatisticsRules {

    /** Fields a query may group by, besides {@code resource_metadata.<key>}. */
    public static final Set<String> GROUP_BY_FIELDS = Set.of("user_id", "project_id", "resource_id", "source");
    /** Fields {@code cardinality} may count. */
    public static final Set<String> CARDINALITY_FIELDS = Set.of("resource_id", "user_id", "project_id", "source");

    private StatisticsRules() {}

    /** Checks the query; returns its aggregates without repetitions (the API's {@code utils.uniq}). */
    public static List<Aggregate> check(StatisticsQuery q) {
        if (q.periodSeconds() != null) {
            Periods.requirePositive(q.periodSeconds());
        }
        for (String field : q.groupBy()) {
            String key = FieldLayout.metadataKey(field);
            if (!GROUP_BY_FIELDS.contains(field) && (key == null || key.isEmpty())) {
                throw new IllegalArgumentException("cannot group by '" + field + "' (allowed: "
                        + String.join(", ", new TreeSet<>(GROUP_BY_FIELDS)) + ", resource_metadata.<key>)");
            }
        }
        Set<Aggregate> unique = new LinkedHashSet<>();
        for (Aggregate a : q.aggregates()) {
            if (a.function() == AggregateFunction.CARDINALITY) {
                if (a.param() == null || !CARDINALITY_FIELDS.contains(a.param())) {
                    throw new IllegalArgumentException(
                            "bad aggregate: cardinality." + a.param() + " (cardinality counts one of "
                                    + String.join(", ", new TreeSet<>(CARDINALITY_FIELDS)) + ")");
                }
            } else if (a.param() != null) {
                throw new IllegalArgumentException(
                        "bad aggregate: " + a.function().wireName() + "." + a.param() + " takes no parameter");
            }
            unique.add(a);
        }
        return new ArrayList<>(unique);
    }

    /** The distinct fields the aggregates count (cardinality parameters), in first-requested order. */
    static List<String> cardinalityFields(List<Aggregate> aggregates) {
        return aggregates.stream()
                .filter(a -> a.function() == AggregateFunction.CARDINALITY)
                .map(Aggregate::param)
                .distinct()
                .toList();
    }
}
