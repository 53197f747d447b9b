package io.meterhub.store.rollup;

import io.meterhub.store.query.Periods;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.query.StatisticsSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statistics from the rollups, whenever the query allows, with the same result as
 * {@link io.meterhub.store.query.RawStatistics} over the same samples. It reads the meter's all-time document (its
 * first and last sample and units) and the group's day documents over the query's range by {@code _id}: one
 * document per day, whatever the number of samples. Each day document holds 24 hourly cells, so it answers when
 *
 * <ul>
 *   <li>the query has the shape of a {@link RollupPlan} (meter, at most one resource/project/user, no other
 *       condition, no cardinality, grouped by nothing or that field);
 *   <li>each time bound that falls inside the meter's samples is on a whole hour, and so is the first period's start
 *       (the query's start, or else the first matching sample) when there is a period, which is a multiple of an
 *       hour;
 *   <li>all of the meter's samples have one unit (raw statistics would give one entry per unit).
 * </ul>
 *
 * A meter-wide query without bounds or period is answered from the all-time document alone. Otherwise
 * {@link #answer} is empty and the caller asks the raw samples ({@link StatisticsService}).
 *
 * <p>With a rollup time-to-live, only the retained days count ({@link RollupRetention}): the same answer before and
 * after the expirer has run. Sums of fractional volumes are added up in another order than over the raw samples and
 * may differ in the last bits; stddev from the sum of squares loses about half the digits when the values are large
 * and close together.
 */
public final class RollupStatistics implements StatisticsSource {

    private static final Logger LOG = LoggerFactory.getLogger(RollupStatistics.class);

    private final RollupReader reader;
    private final Clock clock;
    private final Optional<Duration> ttl;

    /** @param rollupTtl the rollups' time-to-live, if the hub expires them */
    public RollupStatistics(com.mongodb.client.MongoDatabase db, Clock clock, Optional<Duration> rollupTtl) {
        this.reader = new RollupReader(db);
        this.clock = clock;
        this.ttl = rollupTtl;
    }

    /**
     * The statistics, or empty when rollups cannot answer the query.
     *
     * @throws IllegalArgumentException when the query is invalid for any source (a non-positive period ...)
     */
    public Optional<List<Statistics>> answer(StatisticsQuery q) {
        try {
            return Optional.of(compute(q));
        } catch (RollupPlan.Unsupported e) {
            LOG.debug("statistics from raw samples, not rollups: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @throws UnsupportedOperationException naming the reason when rollups cannot answer the query
     */
    @Override
    public List<Statistics> statistics(StatisticsQuery q) {
        try {
            return compute(q);
        } catch (RollupPlan.Unsupported e) {
            throw new UnsupportedOperationException("rollups cannot answer this query: " + e.getMessage());
        }
    }

    /** Rollup documents read so far (for figures). */
    public long documentsRead() {
        return reader.documentsRead();
    }

    /** Rollup document keys asked for so far, found or not (for figures). */
    public long keysAsked() {
        return reader.keysAsked();
    }

    private List<Statistics> compute(StatisticsQuery q) throws RollupPlan.Unsupported {
        RollupPlan plan = RollupPlan.of(q);
        Document total = reader.total(plan.meter());
        if (total == null) {
            return List.of();
        }
        List<String> units = total.getList(RollupFields.UNITS, String.class);
        if (units.size() != 1) {
            throw new RollupPlan.Unsupported("the meter's samples have " + units.size() + " units");
        }
        String unit = units.get(0);
        RollupCell all = RollupCell.read(total, "");
        Long horizon = ttl.map(t -> RollupTime.micros(RollupRetention.retainedFrom(clock.instant(), t)))
                .orElse(null);
        long lo = all.first;
        long hi = all.last + 1;
        if (plan.lower() != null) {
            requireHourIfInside(plan.lower(), RollupTime.micros(plan.lower()) > all.first);
            lo = Math.max(lo, RollupTime.micros(plan.lower()));
        }
        if (plan.upper() != null) {
            requireHourIfInside(plan.upper(), RollupTime.micros(plan.upper()) <= all.last);
            hi = Math.min(hi, RollupTime.micros(plan.upper()));
        }
        if (plan.period() != null && plan.period() % RollupTime.HOUR_SECONDS != 0) {
            throw new RollupPlan.Unsupported("the period is not a multiple of an hour");
        }
        boolean everythingRetained = horizon == null || all.first >= horizon;
        if (plan.dimension() == RollupDimension.METER
                && plan.lower() == null
                && plan.upper() == null
                && plan.period() == null
                && everythingRetained) {
            return List.of(entry(plan, unit, all, RollupTime.instant(all.first), null, 0));
        }
        if (horizon != null) {
            lo = Math.max(lo, horizon);
        }
        if (lo >= hi) {
            return List.of();
        }
        return periods(plan, unit, cells(plan, lo, hi));
    }

    private static void requireHourIfInside(Instant bound, boolean inside) throws RollupPlan.Unsupported {
        if (inside && !RollupTime.aligned(bound, RollupTime.HOUR_SECONDS)) {
            throw new RollupPlan.Unsupported("the bound " + bound + " is inside the samples and not on an hour");
        }
    }

    /** The hourly cells of the group with samples in [lo, hi), by start; the bounds never cut a cell. */
    private TreeMap<Long, RollupCell> cells(RollupPlan plan, long lo, long hi) {
        TreeMap<Long, RollupCell> cells = new TreeMap<>();
        List<Document> days = reader.days(
                plan.meter(), plan.dimension(), plan.value(), RollupTime.epochDay(lo), RollupTime.epochDay(hi - 1));
        for (Document d : days) {
            long day = RollupTime.micros(d.getDate(RollupFields.DAY).toInstant());
            for (int h = 0; h < RollupTime.HOURS_PER_DAY; h++) {
                RollupCell c = RollupCell.read(d, RollupFields.hour(h));
                if (c != null && c.first >= lo && c.last < hi) {
                    cells.put(day + h * RollupTime.HOUR, c);
                }
            }
        }
        return cells;
    }

    private List<Statistics> periods(RollupPlan plan, String unit, TreeMap<Long, RollupCell> cells)
            throws RollupPlan.Unsupported {
        if (cells.isEmpty()) {
            return List.of();
        }
        Instant anchor = plan.anchor();
        if (anchor == null) {
            anchor = RollupTime.instant(
                    cells.values().stream().mapToLong(c -> c.first).min().orElseThrow());
        }
        if (plan.period() == null) {
            RollupCell sum = new RollupCell();
            cells.values().forEach(sum::merge);
            return List.of(entry(plan, unit, sum, anchor, null, 0));
        }
        if (!RollupTime.aligned(anchor, RollupTime.HOUR_SECONDS)) {
            throw new RollupPlan.Unsupported("the first period starts at " + anchor + ", not on an hour");
        }
        Periods periods = new Periods(anchor, plan.period());
        Map<Long, RollupCell> byPeriod = new TreeMap<>();
        cells.forEach(
                (start, c) -> byPeriod.computeIfAbsent(periods.index(RollupTime.instant(start)), i -> new RollupCell())
                        .merge(c));
        List<Statistics> out = new ArrayList<>(byPeriod.size());
        byPeriod.forEach((i, c) -> out.add(entry(plan, unit, c, periods.start(i), periods.end(i), plan.period())));
        return out;
    }

    /** One entry; without a period it ends at its last sample. */
    private static Statistics entry(
            RollupPlan plan, String unit, RollupCell c, Instant start, Instant end, long period) {
        Map<String, Object> groupBy = null;
        if (plan.grouped()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put(plan.dimension().field(), plan.value());
            groupBy = Collections.unmodifiableMap(g);
        }
        Instant periodEnd = end != null ? end : RollupTime.instant(c.last);
        return new CellStatistics(c).toStatistics(plan.aggregates(), groupBy, unit, start, periodEnd, period);
    }
}
