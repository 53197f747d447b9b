package io.meterhub.store.query;

import com.mongodb.client.model.Filters;
import io.meterhub.model.TraitType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Translates an {@link EventFilter} into a MongoDB filter on the {@code events} collection, as Ceilometer's
 * {@code ceilometer/storage/mongo/utils.py make_events_query_from_filter}: generated in {@code [start, end)}
 * ({@code make_timestamp_range}'s default {@code $gte}/{@code $lt}), event type and message id equal, and for each
 * trait condition one {@code $elemMatch} on the traits (name, type when given, value compared by the operator).
 */
final class EventQuery {

    private EventQuery() {}

    static Bson of(EventFilter f) {
        List<Bson> all = new ArrayList<>();
        if (f.start() != null) {
            all.add(Filters.gte("generated", Date.from(f.start())));
        }
        if (f.end() != null) {
            all.add(Filters.lt("generated", Date.from(f.end())));
        }
        if (f.eventType() != null) {
            all.add(Filters.eq("event_type", f.eventType()));
        }
        if (f.messageId() != null) {
            all.add(Filters.eq("_id", f.messageId()));
        }
        for (TraitFilter t : f.traits()) {
            all.add(Filters.elemMatch("traits", trait(t)));
        }
        return all.isEmpty() ? new Document() : all.size() == 1 ? all.get(0) : Filters.and(all);
    }

    private static Bson trait(TraitFilter t) {
        List<Bson> conditions = new ArrayList<>(3);
        conditions.add(Filters.eq("name", t.name()));
        if (t.type() != null) {
            conditions.add(Filters.eq("type", t.type().wireName()));
        }
        Object v = value(t.type(), t.value());
        conditions.add(
                switch (t.op()) {
                    case EQ -> Filters.eq("value", v);
                    case NE -> Filters.ne("value", v);
                    case LT -> Filters.lt("value", v);
                    case LE -> Filters.lte("value", v);
                    case GT -> Filters.gt("value", v);
                    case GE -> Filters.gte("value", v);
                });
        return Filters.and(conditions);
    }

    /** The value as stored for a trait of {@code type} (any type: as given; instants as dates). */
    static Object value(TraitType type, Object v) {
        if (type == null) {
            return v instanceof Instant i ? Date.from(i) : v;
        }
        return switch (type) {
            case TEXT -> String.valueOf(v);
            case INT -> number(v).longValue();
            case FLOAT -> number(v).doubleValue();
            case DATETIME -> {
                if (!(v instanceof Instant i)) {
                    throw new IllegalArgumentException("a datetime trait compares with an instant, not " + v);
                }
                yield Date.from(i);
            }
        };
    }

    private static Number number(Object v) {
        if (v instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("a numeric trait compares with a number, not '" + v + "'");
    }
}
