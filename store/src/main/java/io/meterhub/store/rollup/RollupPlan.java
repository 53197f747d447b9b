package io.meterhub.store.rollup;

import io.meterhub.store.query.Aggregate;
import io.meterhub.store.query.AggregateFunction;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.query.StatisticsRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A statistics query in the shape rollups can answer: {@code counter_name = meter}, at most one of
 * {@code resource_id}, {@code project_id}, {@code user_id} equal to a value, timestamp bounds {@code >= lower} and
 * {@code < upper} (the query's start, if any, being the lower bound), grouped by nothing or by that one field, and
 * only min, max, avg, sum, count and stddev. Whether the bounds and period also fit the hourly cells is decided when
 * the meter's extent is known ({@link RollupStatistics}).
 *
 * @param dimension {@link RollupDimension#METER} when the query names no resource, project or user
 * @param value the resource, project or user id; empty for the meter overall
 * @param lower the {@code timestamp >=} bound, or null
 * @param upper the {@code timestamp <} bound, or null
 * @param anchor the query's start (the first period's start), or null to start at the first matching sample
 * @param period seconds, or null for one period over everything matching
 * @param grouped whether the entries carry {@code groupby: {field: value}}
 * @param aggregates the requested functions, without repetitions; empty for the standard set
 */
record RollupPlan(
        String meter,
        RollupDimension dimension,
        String value,
        Instant lower,
        Instant upper,
        Instant anchor,
        Long period,
        boolean grouped,
        List<Aggregate> aggregates) {

    /** Why a query does not fit rollups; the caller falls back to the raw samples. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * The plan of a query.
     *
     * @throws IllegalArgumentException when the query is invalid for any source ({@link StatisticsRules})
     * @throws Unsupported when rollups cannot answer it
     */
    static RollupPlan of(StatisticsQuery q) throws Unsupported {
        List<Aggregate> aggregates = StatisticsRules.check(q);
        for (Aggregate a : aggregates) {
            if (a.function() == AggregateFunction.CARDINALITY) {
                throw new Unsupported("cardinality needs the distinct values");
            }
        }
        Builder b = new Builder();
        for (Filter f : conjuncts(q.filter(), new ArrayList<>())) {
            b.condition(f);
        }
        if (b.meter == null) {
            throw new Unsupported("no counter_name = <meter> condition");
        }
        if (q.start() != null && !q.start().equals(b.lower)) {
            throw new Unsupported("the start is not the timestamp >= bound");
        }
        boolean grouped = !q.groupBy().isEmpty();
        if (grouped
                && (q.groupBy().size() != 1
                        || b.dimension == RollupDimension.METER
                        || !q.groupBy().get(0).equals(b.dimension.field()))) {
            throw new Unsupported("grouped by other than the one field the filter fixes");
        }
        return new RollupPlan(
                b.meter, b.dimension, b.value, b.lower, b.upper, q.start(), q.periodSeconds(), grouped, aggregates);
    }

    private static List<Filter> conjuncts(Filter f, List<Filter> out) throws Unsupported {
        if (f instanceof Filter.And and) {
            for (Filter operand : and.operands()) {
                conjuncts(operand, out);
            }
        } else if (f instanceof Filter.Compare) {
            out.add(f);
        } else {
            throw new Unsupported("a condition other than equality or a time bound: " + f);
        }
        return out;
    }

    private static final class Builder {
        String meter;
        RollupDimension dimension = RollupDimension.METER;
        String value = "";
        Instant lower;
        Instant upper;

        void condition(Filter f) throws Unsupported {
            Filter.Compare c = (Filter.Compare) f;
            if (c.field().equals("timestamp")) {
                bound(c);
            } else if (c.op() != Op.EQ || !(c.value() instanceof String text)) {
                throw new Unsupported("not a text equality: " + c);
            } else if (c.field().equals("counter_name") && meter == null) {
                meter = text;
            } else if (RollupDimension.ofField(c.field()).isPresent() && dimension == RollupDimension.METER) {
                dimension = RollupDimension.ofField(c.field()).get();
                value = text;
            } else {
                throw new Unsupported("no rollups for the condition " + c);
            }
        }

        private void bound(Filter.Compare c) throws Unsupported {
            if (!(c.value() instanceof Instant t)) {
                throw new Unsupported("a timestamp bound that is not an instant: " + c);
            }
            if (c.op() == Op.GE && lower == null) {
                lower = t;
            } else if (c.op() == Op.LT && upper == null) {
                upper = t;
            } else {
                throw new Unsupported("a timestamp bound other than one >= and one <: " + c);
            }
        }
    }
}
