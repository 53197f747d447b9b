package io.meterhub.routes.it;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.meterhub.store.StoreNames;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** What tests read back from the store, over the wire with the real driver. */
final class StoreQueries {

    private final MongoDatabase db;

    StoreQueries(MongoDatabase db) {
        this.db = db;
    }

    long events() {
        return db.getCollection(StoreNames.EVENTS).countDocuments();
    }

    long samples() {
        return db.getCollection(StoreNames.SAMPLES).countDocuments();
    }

    long deadLetters() {
        return db.getCollection(StoreNames.DEAD_LETTERS).countDocuments();
    }

    long eventsWithId(String messageId) {
        return db.getCollection(StoreNames.EVENTS).countDocuments(Filters.eq("_id", messageId));
    }

    Document deadLetterWithId(String id) {
        return db.getCollection(StoreNames.DEAD_LETTERS)
                .find(Filters.eq("_id", id))
                .first();
    }

    long samplesOf(String notificationId) {
        return db.getCollection(StoreNames.SAMPLES)
                .countDocuments(Filters.eq(StoreNames.NOTIFICATION_ID, notificationId));
    }

    List<Document> allSamples() {
        return db.getCollection(StoreNames.SAMPLES).find().into(new ArrayList<>());
    }

    List<Document> allDeadLetters() {
        return db.getCollection(StoreNames.DEAD_LETTERS).find().into(new ArrayList<>());
    }
}
