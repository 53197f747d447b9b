package io.meterhub.routes.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.store.query.Statistics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Ceilometer's {@code Statistics}: the computed values the query asked for (the standard five, or those named by
 * {@code aggregate.func} plus their {@code aggregate} map), the period, and the duration clamped to the query's own
 * time range as {@code Statistics._update_duration} does — a group whose samples all fall outside it gets null
 * duration fields.
 */
public final class StatisticsJson {

    private StatisticsJson() {}

    /**
     * @param start the lower timestamp bound the query gave (without search_offset), or null
     * @param end the upper one, or null
     */
    public static ObjectNode of(Statistics s, Instant start, Instant end) {
        ObjectNode o = Json.mapper().createObjectNode();
        if (s.groupBy() == null) {
            o.putNull("groupby");
        } else {
            o.set("groupby", Json.mapper().valueToTree(s.groupBy()));
        }
        o.put("unit", s.unit());
        putIfPresent(o, "min", s.min());
        putIfPresent(o, "max", s.max());
        putIfPresent(o, "avg", s.avg());
        putIfPresent(o, "sum", s.sum());
        if (s.count() != null) {
            o.put("count", s.count());
        }
        if (s.aggregate() != null && !s.aggregate().isEmpty()) {
            ObjectNode a = o.putObject("aggregate");
            for (Map.Entry<String, Double> e : s.aggregate().entrySet()) {
                putIfPresent(a, e.getKey(), e.getValue());
                if (e.getValue() == null) {
                    a.putNull(e.getKey());
                }
            }
        }
        Instant durationStart = s.durationStart();
        Instant durationEnd = s.durationEnd();
        if (start != null && durationStart != null && durationStart.isBefore(start)) {
            durationStart = start;
        }
        if (end != null && durationEnd != null && durationEnd.isAfter(end)) {
            durationEnd = end;
        }
        if (durationStart != null && durationEnd != null && !durationStart.isAfter(durationEnd)) {
            o.put("duration", seconds(Duration.between(durationStart, durationEnd)));
            o.put("duration_start", ApiTimes.format(durationStart));
            o.put("duration_end", ApiTimes.format(durationEnd));
        } else {
            o.putNull("duration");
            o.putNull("duration_start");
            o.putNull("duration_end");
        }
        o.put("period", s.period());
        o.put("period_start", ApiTimes.format(s.periodStart()));
        o.put("period_end", ApiTimes.format(s.periodEnd()));
        return o;
    }

    /** {@code timeutils.delta_seconds}: seconds with microseconds as the fraction. */
    public static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1_000_000_000.0;
    }

    private static void putIfPresent(ObjectNode o, String field, Double v) {
        if (v != null) {
            o.put(field, v);
        }
    }
}
