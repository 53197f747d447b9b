package io.meterhub.store.rollup;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bson.Document;

/**
 * What one batch adds to one rollup document: its totals and, for a day document, each hour's. Written as one
 * upsert filtered by {@code _id} alone (the only filter the embedded store answers from an index): {@code $inc},
 * {@code $min}, {@code $max}, the batch's sequence number, and the group's identity on insert.
 */
final class RollupDelta {

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final String key;
    private final Document identity;
    private final RollupCell total = new RollupCell();
    /** Per hour of the day; null for an all-time document. */
    private final RollupCell[] hours;
    /** The units seen; null for a day document. */
    private final Set<String> units;

    private RollupDelta(String key, Document identity, boolean day) {
        this.key = key;
        this.identity = identity;
        this.hours = day ? new RollupCell[RollupTime.HOURS_PER_DAY] : null;
        this.units = day ? null : new LinkedHashSet<>(2);
    }

    static RollupDelta day(String key, String meter, RollupDimension dimension, String value, long epochDay) {
        return new RollupDelta(
                key,
                identity(meter, dimension, value)
                        .append(RollupFields.DAY, new Date(epochDay * RollupTime.DAY_SECONDS * 1000)),
                true);
    }

    static RollupDelta total(String key, String meter) {
        return new RollupDelta(key, identity(meter, RollupDimension.METER, ""), false);
    }

    private static Document identity(String meter, RollupDimension dimension, String value) {
        return new Document(RollupFields.METER, meter)
                .append(RollupFields.DIMENSION, dimension.code())
                .append(RollupFields.VALUE, value);
    }

    String key() {
        return key;
    }

    void add(RollupInput in, long micros) {
        total.add(in.volume(), micros);
        if (hours != null) {
            int h = RollupTime.hourOfDay(micros);
            if (hours[h] == null) {
                hours[h] = new RollupCell();
            }
            hours[h].add(in.volume(), micros);
        } else {
            units.add(in.unit());
        }
    }

    /** The upsert adding this delta and recording {@code seq} as the last batch applied. */
    UpdateOneModel<Document> model(long seq) {
        Document inc = new Document();
        Document mins = new Document();
        Document maxes = new Document();
        total.appendTo("", inc, mins, maxes);
        if (hours != null) {
            for (int h = 0; h < hours.length; h++) {
                if (hours[h] != null) {
                    hours[h].appendTo(RollupFields.hour(h), inc, mins, maxes);
                }
            }
        }
        Document update = new Document("$setOnInsert", identity)
                .append("$set", new Document(RollupFields.SEQ, seq))
                .append("$inc", inc)
                .append("$min", mins)
                .append("$max", maxes);
        if (units != null) {
            update.append("$addToSet", new Document(RollupFields.UNITS, new Document("$each", new ArrayList<>(units))));
        }
        return new UpdateOneModel<>(Filters.eq("_id", key), update, UPSERT);
    }
}
