package io.meterhub.store.query;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A statistics request of {@code GET /v2/meters/<meter>/statistics}.
 *
 * @param filter every condition, including {@code counter_name = <meter>} and the timestamp bounds
 * @param start the query's lower timestamp bound, if it has one (aligns the first period), else null
 * @param end the query's upper timestamp bound, if it has one, else null
 * @param periodSeconds the period length; null for one period spanning all matching samples
 * @param groupBy stored field names to group by: {@code user_id}, {@code project_id}, {@code resource_id},
 *     {@code source}, {@code resource_metadata.<key>}; empty for no grouping
 * @param aggregates the functions to compute; empty for Ceilometer's standard set (min, max, avg, sum, count)
 */
public record StatisticsQuery(
        Filter filter,
        Instant start,
        Instant end,
        Long periodSeconds,
        List<String> groupBy,
        List<Aggregate> aggregates) {

    public StatisticsQuery {
        Objects.requireNonNull(filter, "filter");
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
        aggregates = aggregates == null ? List.of() : List.copyOf(aggregates);
    }
}
