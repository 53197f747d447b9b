package io.meterhub.store.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The running values of one statistics entry (one unit, group and period) and their finalisation into
 * {@link Statistics}, as Ceilometer's MongoDB driver computes them ({@code ceilometer/storage/mongo/utils.py}
 * {@code *_AGGREGATION}, {@code impl_mongodb._stats_result_aggregates}):
 *
 * <ul>
 *   <li>count counts every sample ({@code $sum: 1}), also one without a volume;
 *   <li>sum, min, max and avg see only numeric volumes ({@code $sum}/{@code $min}/{@code $max}/{@code $avg} skip
 *       nulls); sum is exact over integers and a plain double sum otherwise, finalised as a float;
 *   <li>stddev is the population standard deviation {@code sqrt(Σx²·n − (Σx)²) / n} with {@code n} the count;
 *   <li>cardinality/&lt;field&gt; is the number of distinct values of the field ({@code $addToSet}: a null value
 *       counts, as a document stores it);
 *   <li>with no aggregate requested, min, max, avg, sum and count are set and {@code aggregate} is empty; with some
 *       requested, only the requested standard ones are set, and every requested one is in {@code aggregate}.
 * </ul>
 */
final class StatisticsAccumulator {

    private final List<String> cardinalityFields;
    private Instant first;
    private Instant last;
    private long count;
    private long numericCount;
    private long exactSum;
    private boolean inexact;
    private double doubleSum;
    private double squareSum;
    private Double min;
    private Double max;
    private final List<Set<Object>> distinct;

    StatisticsAccumulator(List<String> cardinalityFields) {
        this.cardinalityFields = cardinalityFields;
        this.distinct = new ArrayList<>(cardinalityFields.size());
        cardinalityFields.forEach(f -> distinct.add(new HashSet<>()));
    }

    /**
     * Adds one sample.
     *
     * @param distinctValues the sample's values of the cardinality fields, in their order
     */
    void add(Instant t, Number volume, List<Object> distinctValues) {
        if (first == null || t.isBefore(first)) {
            first = t;
        }
        if (last == null || t.isAfter(last)) {
            last = t;
        }
        count++;
        for (int i = 0; i < distinct.size(); i++) {
            distinct.get(i).add(distinctValues.get(i));
        }
        if (volume == null) {
            return;
        }
        numericCount++;
        double v = volume.doubleValue();
        addToSum(volume);
        squareSum += v * v;
        min = min == null ? v : Math.min(min, v);
        max = max == null ? v : Math.max(max, v);
    }

    private void addToSum(Number volume) {
        if (!inexact && (volume instanceof Long || volume instanceof Integer)) {
            try {
                exactSum = Math.addExact(exactSum, volume.longValue());
                return;
            } catch (ArithmeticException overflow) {
                inexact = true;
                doubleSum = exactSum;
                exactSum = 0;
            }
        }
        if (!inexact) {
            inexact = true;
            doubleSum = exactSum;
            exactSum = 0;
        }
        doubleSum += volume.doubleValue();
    }

    double sum() {
        return inexact ? doubleSum : exactSum;
    }

    Double avg() {
        return numericCount == 0 ? null : sum() / numericCount;
    }

    double stddev() {
        double n = count;
        double variance = squareSum * n - sum() * sum();
        return Math.sqrt(Math.max(0, variance)) / n;
    }

    /** The entry, for the given aggregates (empty: Ceilometer's standard set) and period description. */
    Statistics toStatistics(
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
                first,
                last,
                Duration.between(first, last).toNanos() / 1e9,
                standard || values.containsKey("min") ? min : null,
                standard || values.containsKey("max") ? max : null,
                standard || values.containsKey("avg") ? avg() : null,
                standard || values.containsKey("sum") ? (Double) sum() : null,
                standard || values.containsKey("count") ? (Long) count : null,
                values);
    }

    Instant last() {
        return last;
    }

    private Double value(Aggregate a) {
        return switch (a.function()) {
            case MIN -> min;
            case MAX -> max;
            case AVG -> avg();
            case SUM -> sum();
            case COUNT -> (double) count;
            case STDDEV -> stddev();
            case CARDINALITY -> (double)
                    distinct.get(cardinalityFields.indexOf(a.param())).size();
        };
    }
}
