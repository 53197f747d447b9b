package io.meterhub.store.query;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The finished values of one statistics entry, however they were computed (from raw samples, from rollups), and the
 * one rule that turns them into {@link Statistics} as Ceilometer does: with no aggregate named, min, max, avg, sum and
 * count are set and {@code aggregate} is empty; with some named, only the named standard ones are set, and every
 * named one is in {@code aggregate} under {@link Aggregate#key()}.
 */
public interface StatisticsValues {

    Instant first();

    Instant last();

    /** Every sample, also one without a volume. */
    long count();

    /** Null when no sample had a volume. */
    Double min();

    /** Null when no sample had a volume. */
    Double max();

    /** Over the samples with a volume; null when none had one. */
    Double avg();

    double sum();

    /** Ceilometer's population standard deviation over the count ({@link #populationStddev}). */
    double stddev();

    /** The number of distinct values of {@code field} ({@code cardinality/<field>}). */
    double cardinality(String field);

    /** {@code sqrt(Σx²·n − (Σx)²) / n} with {@code n} the count, as Ceilometer's MongoDB driver computes it. */
    static double populationStddev(long count, double sum, double squareSum) {
        double n = count;
        return Math.sqrt(Math.max(0, squareSum * n - sum * sum)) / n;
    }

    /** The entry, for the given aggregates (empty: Ceilometer's standard set) and period description. */
    default Statistics toStatistics(
            List<Aggregate> aggregates,
            Map<String, Object> groupBy,
            String unit,
            Instant periodStart,
            Instant periodEnd,
            long period) {
        boolean standard = aggregates.isEmpty();
        Map<String, Double> values = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            values.put(a.key(), value(a));
        }
        return new Statistics(
                groupBy,
                unit,
                periodStart,
                periodEnd,
                period,
                first(),
                last(),
                Duration.between(first(), last()).toNanos() / 1e9,
                standard || values.containsKey("min") ? min() : null,
                standard || values.containsKey("max") ? max() : null,
                standard || values.containsKey("avg") ? avg() : null,
                standard || values.containsKey("sum") ? (Double) sum() : null,
                standard || values.containsKey("count") ? (Long) count() : null,
                values);
    }

    private Double value(Aggregate a) {
        return switch (a.function()) {
            case MIN -> min();
            case MAX -> max();
            case AVG -> avg();
            case SUM -> sum();
            case COUNT -> (double) count();
            case STDDEV -> stddev();
            case CARDINALITY -> cardinality(a.param());
        };
    }
}
