package io.meterhub.store.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
final class StatisticsAccumulator implements StatisticsValues {

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

    @Override
    public double sum() {
        return inexact ? doubleSum : exactSum;
    }

    @Override
    public Double avg() {
        return numericCount == 0 ? null : sum() / numericCount;
    }

    @Override
    public double stddev() {
        return StatisticsValues.populationStddev(count, sum(), squareSum);
    }

    @Override
    public Instant first() {
        return first;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public Double min() {
        return min;
    }

    @Override
    public Double max() {
        return max;
    }

    @Override
    public double cardinality(String field) {
        return distinct.get(cardinalityFields.indexOf(field)).size();
    }

    @Override
    public Instant last() {
        return last;
    }
}
