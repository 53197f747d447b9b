package io.meterhub.store.rollup;

import io.meterhub.store.query.Aggregate;
import io.meterhub.store.query.Statistics;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns merged cells into {@link Statistics} with the semantics of {@link io.meterhub.store.query.RawStatistics}:
 * count counts every sample, min/max/avg/sum only those with a volume (avg over those), stddev is
 * {@code sqrt(Σx²·n − (Σx)²) / n} over the count, duration spans the first to the last sample; with no aggregate
 * named the standard five are set, else only the named ones, all of which are in {@code aggregate}.
 */
final class CellStatistics {

    private CellStatistics() {}

    static Statistics of(
            RollupCell c,
            List<Aggregate> aggregates,
            Map<String, Object> groupBy,
            String unit,
            Instant periodStart,
            Instant periodEnd,
            long period) {
        boolean standard = aggregates.isEmpty();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            values.put(a.key(), value(c, a));
        }
        Instant first = RollupTime.instant(c.first);
        Instant last = RollupTime.instant(c.last);
        Double min = c.numeric == 0 ? null : c.min;
        Double max = c.numeric == 0 ? null : c.max;
        return new Statistics(
                groupBy,
                unit,
                periodStart,
                periodEnd,
                period,
                first,
                last,
                Duration.between(first, last).toNanos() / 1e9,
                standard || values.containsKey("min") ? min : null,
                standard || values.containsKey("max") ? max : null,
                standard || values.containsKey("avg") ? avg(c) : null,
                standard || values.containsKey("sum") ? (Double) c.sum() : null,
                standard || values.containsKey("count") ? (Long) c.count : null,
                values);
    }

    private static Double avg(RollupCell c) {
        return c.numeric == 0 ? null : c.sum() / c.numeric;
    }

    private static Double value(RollupCell c, Aggregate a) {
        return switch (a.function()) {
            case MIN -> c.numeric == 0 ? null : c.min;
            case MAX -> c.numeric == 0 ? null : c.max;
            case AVG -> avg(c);
            case SUM -> c.sum();
            case COUNT -> (double) c.count;
            case STDDEV -> c.stddev();
            case CARDINALITY -> throw new IllegalStateException("rollups do not count distinct values");
        };
    }
}
