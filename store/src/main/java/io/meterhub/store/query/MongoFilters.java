package io.meterhub.store.query;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Translates a {@link Filter} into a standard MongoDB filter for one collection's {@link FieldLayout}, as
 * Ceilometer's MongoDB driver does ({@code ceilometer/storage/mongo/utils.py}: {@code make_query_from_filter},
 * {@code QueryTransformer}):
 *
 * <ul>
 *   <li>{@code =} is equality, {@code !=} is {@code $ne} (which also matches a missing field), {@code in} is
 *       {@code $in}, {@code =~} is {@code $regex};
 *   <li>{@code not} is {@code $nor} of its operand: the same documents as Ceilometer's push-down of the negation to
 *       the leaves (De Morgan, {@code $ne}, {@code $not});
 *   <li>instants become BSON dates, compared at millisecond precision as pymongo stores them;
 *   <li>on resources, {@code timestamp >= t} (or {@code >}) means {@code last_sample_timestamp >= t},
 *       {@code timestamp <= t} (or {@code <}) means {@code first_sample_timestamp <= t}, and {@code timestamp = t}
 *       means the range contains {@code t}.
 * </ul>
 */
final class MongoFilters {

    static final String FIRST_SAMPLE = "first_sample_timestamp";
    static final String LAST_SAMPLE = "last_sample_timestamp";

    private final FieldLayout layout;

    MongoFilters(FieldLayout layout) {
        this.layout = layout;
    }

    Bson translate(Filter filter) {
        if (filter instanceof Filter.And and) {
            return and(and.operands().stream().map(this::translate).toList());
        }
        if (filter instanceof Filter.Or or) {
            return or.operands().isEmpty()
                    ? Filters.nor(new Document())
                    : Filters.or(or.operands().stream().map(this::translate).toList());
        }
        if (filter instanceof Filter.Not not) {
            return Filters.nor(translate(not.operand()));
        }
        if (filter instanceof Filter.In in) {
            List<Object> values =
                    in.values().stream().map(MongoFilters::bsonValue).toList();
            return anyPath(in.field(), p -> Filters.in(p, values));
        }
        if (filter instanceof Filter.Matches m) {
            return anyPath(m.field(), p -> Filters.regex(p, m.regex()));
        }
        return compare((Filter.Compare) filter);
    }

    private Bson compare(Filter.Compare c) {
        Object v = bsonValue(c.value());
        if (layout.timestampIsRange() && c.field().equals(FieldLayout.TIMESTAMP)) {
            return timeRange(c.op(), v);
        }
        return switch (c.op()) {
            case EQ -> anyPath(c.field(), p -> Filters.eq(p, v));
            case NE -> and(
                    layout.paths(c.field()).stream().map(p -> Filters.ne(p, v)).toList());
            case LT -> anyPath(c.field(), p -> Filters.lt(p, v));
            case LE -> anyPath(c.field(), p -> Filters.lte(p, v));
            case GT -> anyPath(c.field(), p -> Filters.gt(p, v));
            case GE -> anyPath(c.field(), p -> Filters.gte(p, v));
        };
    }

    /** A resource's sample time range compared with an instant. */
    private static Bson timeRange(Op op, Object t) {
        return switch (op) {
            case GT -> Filters.gt(LAST_SAMPLE, t);
            case GE -> Filters.gte(LAST_SAMPLE, t);
            case LT -> Filters.lt(FIRST_SAMPLE, t);
            case LE -> Filters.lte(FIRST_SAMPLE, t);
            case EQ -> Filters.and(Filters.lte(FIRST_SAMPLE, t), Filters.gte(LAST_SAMPLE, t));
            case NE -> Filters.or(Filters.gt(FIRST_SAMPLE, t), Filters.lt(LAST_SAMPLE, t));
        };
    }

    private Bson anyPath(String field, Function<String, Bson> condition) {
        List<String> paths = layout.paths(field);
        if (paths.size() == 1) {
            return condition.apply(paths.get(0));
        }
        List<Bson> alternatives = new ArrayList<>(paths.size());
        paths.forEach(p -> alternatives.add(condition.apply(p)));
        return Filters.or(alternatives);
    }

    private static Bson and(List<Bson> operands) {
        if (operands.isEmpty()) {
            return new Document();
        }
        return operands.size() == 1 ? operands.get(0) : Filters.and(operands);
    }

    /** The value as stored: instants are BSON dates. */
    static Object bsonValue(Object v) {
        return v instanceof Instant i ? Date.from(i) : v;
    }
}
