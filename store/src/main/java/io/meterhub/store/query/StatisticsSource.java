package io.meterhub.store.query;

import java.util.List;

/**
 * Answers statistics queries: from the raw samples ({@link RawStatistics}) or, later, from pre-aggregated rollups.
 * Implementations reject a zero or negative period and an unknown aggregate parameter with
 * {@link IllegalArgumentException}.
 */
public interface StatisticsSource {

    /** The statistics per unit, group and period, ordered by period start (then group values and unit). */
    List<Statistics> statistics(StatisticsQuery q);
}
