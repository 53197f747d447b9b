package io.meterhub.store;

import io.meterhub.model.DeadLetter;
import io.meterhub.model.Event;
import io.meterhub.model.Sample;
import io.meterhub.model.Trait;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The stored shape of samples, events and dead letters. Every document's {@code _id} is derived from the input
 * (sample id, notification message id, dead-letter id), so writing the same input twice stores it once.
 * Times are BSON dates (millisecond precision, for range queries) plus an ISO-8601 string with the full precision.
 */
public final class DocumentMapper {

    static final String ISO_SUFFIX = "_iso";

    private DocumentMapper() {}

    public static Document sample(Sample s, String notificationId, Instant recordedAt) {
        Document d = new Document("_id", s.messageId())
                .append("counter_name", s.name())
                .append("counter_type", s.type().wireName())
                .append("counter_unit", s.unit())
                .append("counter_volume", s.volume() == null ? null : volume(s.volume()))
                .append("user_id", s.userId())
                .append("project_id", s.projectId())
                .append("resource_id", s.resourceId())
                .append("source", s.source());
        putTime(d, "timestamp", s.timestamp());
        return d.append("resource_metadata", JsonToBson.document(s.resourceMetadata()))
                .append("message_id", s.messageId())
                .append(StoreNames.NOTIFICATION_ID, notificationId)
                .append(StoreNames.RECORDED_AT, Date.from(recordedAt));
    }

    public static Document event(Event e, Instant recordedAt) {
        Document d = new Document("_id", e.messageId())
                .append("message_id", e.messageId())
                .append("event_type", e.eventType());
        putTime(d, "generated", e.generated());
        List<Document> traits = e.traits().stream().map(DocumentMapper::trait).toList();
        return d.append("traits", traits).append(StoreNames.RECORDED_AT, Date.from(recordedAt));
    }

    public static Document deadLetter(DeadLetter dl) {
        return new Document("_id", dl.id())
                .append("reason", dl.reason())
                .append("detail", dl.detail())
                .append("origin", dl.origin())
                .append("received", Date.from(dl.received()))
                .append("size", dl.body().length)
                .append("body", new Binary(dl.body()))
                .append("body_text", utf8(dl.body()));
    }

    static Document trait(Trait t) {
        Object value = t.value() instanceof Instant i ? Date.from(i) : t.value();
        Document d = new Document("name", t.name())
                .append("type", t.type().wireName())
                .append("value", value);
        if (t.value() instanceof Instant i) {
            d.append("value" + ISO_SUFFIX, i.toString());
        }
        return d;
    }

    private static void putTime(Document d, String field, Instant t) {
        d.append(field, Date.from(t)).append(field + ISO_SUFFIX, t.toString());
    }

    private static Object volume(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short
                ? (Object) n.longValue()
                : (Object) n.doubleValue();
    }

    /** The body as text when it is valid UTF-8, else null (the binary copy is always kept). */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
