package io.meterhub.store.rollup;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.meterhub.store.StoreNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Reads rollup documents by {@code _id} only (equality and {@code $in}: the access path that stays fast on the
 * embedded store at any size), counting the documents it asked for and those it got.
 */
final class RollupReader {

    private static final int KEYS_PER_READ = 1_000;

    private final MongoCollection<Document> rollups;
    private final AtomicLong keysAsked = new AtomicLong();
    private final AtomicLong documentsRead = new AtomicLong();

    RollupReader(MongoCollection<Document> rollups) {
        this.rollups = rollups;
    }

    RollupReader(com.mongodb.client.MongoDatabase db) {
        this(db.getCollection(StoreNames.ROLLUPS));
    }

    /** The meter's all-time document, or null when the meter has no samples. */
    Document total(String meter) {
        return one(RollupKeys.total(meter));
    }

    private Document one(String key) {
        keysAsked.incrementAndGet();
        Document d = rollups.find(Filters.eq("_id", key)).first();
        if (d != null) {
            documentsRead.incrementAndGet();
        }
        return d;
    }

    /** The group's day documents from {@code fromDay} to {@code toDay} (epoch days, inclusive) that exist. */
    List<Document> days(String meter, RollupDimension dimension, String value, long fromDay, long toDay) {
        List<Document> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(KEYS_PER_READ);
        for (long day = fromDay; day <= toDay; day++) {
            keys.add(RollupKeys.day(meter, dimension, value, day));
            if (keys.size() == KEYS_PER_READ || day == toDay) {
                keysAsked.addAndGet(keys.size());
                rollups.find(Filters.in("_id", keys)).into(out);
                keys.clear();
            }
        }
        documentsRead.addAndGet(out.size());
        return out;
    }

    long keysAsked() {
        return keysAsked.get();
    }

    long documentsRead() {
        return documentsRead.get();
    }
}
