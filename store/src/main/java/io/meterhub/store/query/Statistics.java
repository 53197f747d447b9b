package io.meterhub.store.query;

import java.time.Instant;
import java.util.Map;

/**
 * One computed statistics entry: one group in one period, with Ceilometer's v2 {@code Statistics} fields.
 *
 * @param groupBy the group's values by field name; null when the query did not group
 * @param period the period length in seconds (0 when the query gave no period)
 * @param durationStart the first sample's time in this group and period
 * @param durationEnd the last sample's time in this group and period
 * @param duration {@code durationEnd - durationStart} in seconds
 * @param min null unless requested (all of min, max, avg, sum, count are when no aggregate is named)
 * @param aggregate the requested functions' values by {@link Aggregate#key()}; empty when none was named
 */
public record Statistics(
        Map<String, Object> groupBy,
        String unit,
        Instant periodStart,
        Instant periodEnd,
        long period,
        Instant durationStart,
        Instant durationEnd,
        Double duration,
        Double min,
        Double max,
        Double avg,
        Double sum,
        Long count,
        Map<String, Double> aggregate) {}
