package io.meterhub.routes.push;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.meterhub.feeds.read.Position;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Where pushers keep their {@link PushState}: fields of their own document in a collection (a WebSub subscription,
 * an AtomPub target), written by {@code _id}. The document's other fields belong to whoever created it.
 */
public final class PushStore {

    /** The sequence number of the cursor. */
    public static final String CURSOR_SEQ = "cursor_seq";
    /** Which sample or event of that sequence number (0 for notification feeds). */
    public static final String CURSOR_SUB = "cursor_sub";
    /** Failed deliveries in a row. */
    public static final String FAILURES = "failures";
    /** When the current run of failures began; absent when none. */
    public static final String FAILING_SINCE = "failing_since";

    private final MongoCollection<Document> collection;

    public PushStore(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** Writes {@code state} into document {@code id}; nothing when the document is gone (unsubscribed). */
    public void save(String id, PushState state) {
        Document set = new Document(CURSOR_SEQ, state.cursor().seq())
                .append(CURSOR_SUB, state.cursor().sub())
                .append(FAILURES, state.failures())
                .append(FAILING_SINCE, state.failingSince().map(Date::from).orElse(null));
        collection.updateOne(Filters.eq("_id", id), new Document("$set", set));
    }

    public void delete(String id) {
        collection.deleteOne(Filters.eq("_id", id));
    }

    /** The state stored in {@code doc}; a failing pusher is tried again at once after a restart. */
    public static PushState read(Document doc) {
        Position cursor = new Position(doc.getLong(CURSOR_SEQ), doc.getInteger(CURSOR_SUB, 0));
        Optional<Instant> since =
                Optional.ofNullable(doc.getDate(FAILING_SINCE)).map(Date::toInstant);
        return new PushState(cursor, doc.getInteger(FAILURES, 0), since, Instant.EPOCH);
    }

    /** Creates document {@code id} with the owner's fields and {@code state}, replacing one that exists. */
    public void create(String id, Document fields, PushState state) {
        Document doc = new Document(fields).append("_id", id);
        collection.replaceOne(Filters.eq("_id", id), doc, new com.mongodb.client.model.ReplaceOptions().upsert(true));
        save(id, state);
    }

    /** A document id for a pusher of {@code what} to {@code to}: the hex SHA-256 of both. */
    public static String idOf(String what, String to) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((what + "\n" + to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public MongoCollection<Document> collection() {
        return collection;
    }
}
