package io.meterhub.store.rollup;

import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsValues;
import java.time.Instant;

/**
 * Merged rollup cells seen as {@link StatisticsValues}, so that they become {@link Statistics} by the same rule as
 * {@link io.meterhub.store.query.RawStatistics}' entries: count counts every sample, min/max/avg/sum only those with
 * a volume (avg over those), stddev is Ceilometer's population standard deviation over the count, duration spans the
 * first to the last sample. Rollups keep no distinct values, so they never answer cardinality.
 */
record CellStatistics(RollupCell cell) implements StatisticsValues {

    @Override
    public Instant first() {
        return RollupTime.instant(cell.first);
    }

    @Override
    public Instant last() {
        return RollupTime.instant(cell.last);
    }

    @Override
    public long count() {
        return cell.count;
    }

    @Override
    public Double min() {
        return cell.numeric == 0 ? null : cell.min;
    }

    @Override
    public Double max() {
        return cell.numeric == 0 ? null : cell.max;
    }

    @Override
    public Double avg() {
        return cell.numeric == 0 ? null : cell.sum() / cell.numeric;
    }

    @Override
    public double sum() {
        return cell.sum();
    }

    @Override
    public double stddev() {
        return StatisticsValues.populationStddev(cell.count, cell.sum(), cell.squareSum);
    }

    @Override
    public double cardinality(String field) {
        throw new IllegalStateException("rollups do not count distinct values");
    }
}
