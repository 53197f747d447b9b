package io.meterhub.feeds.write;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * The writer's one state document: the highest sequence number handed out so far ({@code reserved}) and the commit
 * time of the last batch. It is written first in every batch, before any of the batch's postings or entries, so no
 * entry can exist above the stored {@code reserved}; at start-up that value is both where the sequence resumes and
 * the committed high-water mark.
 */
final class FeedState {

    static final String ID = "sequence";
    static final String RESERVED = "reserved";
    static final String UPDATED = "updated";

    record Snapshot(long reserved, Instant updated) {}

    private final MongoCollection<Document> state;

    FeedState(MongoCollection<Document> state) {
        this.state = state;
    }

    Snapshot read() {
        Document d = state.find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return new Snapshot(0, Instant.EPOCH);
        }
        return new Snapshot(d.getLong(RESERVED), d.getDate(UPDATED).toInstant());
    }

    void write(long reserved, Instant updated) {
        state.replaceOne(
                Filters.eq("_id", ID),
                new Document("_id", ID).append(RESERVED, reserved).append(UPDATED, Date.from(updated)),
                new ReplaceOptions().upsert(true));
    }
}
