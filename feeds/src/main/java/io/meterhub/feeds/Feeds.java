package io.meterhub.feeds;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.meterhub.feeds.read.FeedSource;
import io.meterhub.feeds.write.FeedWriter;
import java.time.Clock;

/**
 * The feeds over one database: the {@link FeedWriter} to hand the store writer as a batch contributor, and the
 * {@link FeedSource} that reads what it committed, sharing one {@link CommittedSequence}.
 */
public final class Feeds {

    private final CommittedSequence committed;
    private final FeedWriter writer;
    private final FeedSource source;

    private Feeds(CommittedSequence committed, FeedWriter writer, FeedSource source) {
        this.committed = committed;
        this.writer = writer;
        this.source = source;
    }

    /**
     * Creates the unique index on entry ids (a no-op when it exists) and resumes the sequence where the store left
     * it. Call before the store writer starts.
     */
    public static Feeds open(MongoDatabase db, FeedSettings settings, Clock clock) {
        db.getCollection(FeedNames.ENTRIES)
                .createIndex(
                        Indexes.ascending(FeedNames.ENTRY_ID),
                        new IndexOptions().unique(true).name(FeedNames.ENTRY_ID_INDEX));
        CommittedSequence committed = new CommittedSequence(0);
        FeedWriter writer = new FeedWriter(db, settings, clock, committed);
        return new Feeds(committed, writer, new FeedSource(db, committed));
    }

    public FeedWriter writer() {
        return writer;
    }

    public FeedSource source() {
        return source;
    }

    public CommittedSequence committed() {
        return committed;
    }
}
