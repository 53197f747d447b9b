package io.meterhub.store;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

/**
 * The indexes the query API and the expirer need. On a real MongoDB they make queries fast; the embedded store
 * accepts them and answers by scanning (only its unique indexes are used), so the hub's own hot paths go by
 * {@code _id}.
 */
public final class StoreIndexes {

    private StoreIndexes() {}

    public static void ensure(MongoDatabase db) {
        var samples = db.getCollection(StoreNames.SAMPLES);
        samples.createIndex(
                Indexes.compoundIndex(Indexes.ascending("counter_name"), Indexes.descending("timestamp")),
                new IndexOptions().name("meter_time"));
        samples.createIndex(
                Indexes.compoundIndex(Indexes.ascending("resource_id"), Indexes.descending("timestamp")),
                new IndexOptions().name("resource_time"));
        samples.createIndex(
                Indexes.compoundIndex(Indexes.ascending("project_id"), Indexes.descending("timestamp")),
                new IndexOptions().name("project_time"));
        samples.createIndex(Indexes.ascending(StoreNames.NOTIFICATION_ID), new IndexOptions().name("notification"));
        samples.createIndex(Indexes.ascending("timestamp"), new IndexOptions().name("time"));

        var events = db.getCollection(StoreNames.EVENTS);
        events.createIndex(
                Indexes.compoundIndex(Indexes.ascending("event_type"), Indexes.descending("generated")),
                new IndexOptions().name("type_time"));
        events.createIndex(Indexes.descending("generated"), new IndexOptions().name("time"));

        var resources = db.getCollection(StoreNames.RESOURCES);
        resources.createIndex(Indexes.ascending("project_id"), new IndexOptions().name("project"));
        resources.createIndex(Indexes.ascending("user_id"), new IndexOptions().name("user"));
        resources.createIndex(Indexes.ascending("last_sample_timestamp"), new IndexOptions().name("last_sample"));

        // the expirer's: rollup days by their date (all-time documents, one per meter, are few)
        db.getCollection(StoreNames.ROLLUPS).createIndex(Indexes.ascending("day"), new IndexOptions().name("day"));

        db.getCollection(StoreNames.DEAD_LETTERS)
                .createIndex(Indexes.descending("received"), new IndexOptions().name("time"));
    }
}
