package io.meterhub.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Event;
import io.meterhub.model.LastEncoding;
import io.meterhub.model.Sample;
import io.meterhub.model.Trait;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import org.bson.BsonBinaryReader;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * The sample and event documents of {@link DocumentMapper}, written straight into BSON: the same bytes the driver's
 * codec makes of {@code DocumentMapper.sample} and {@code DocumentMapper.event}, without building those documents and
 * a metadata {@link Document} tree first, nor looking up a codec for every value. This runs for every sample and
 * event on the consumer threads. Where the mapper's result is not evident from the input — metadata keys that need
 * escaping, which could then collide, and a trait value of an unexpected class — that part goes the mapper's way.
 */
final class IngestBson {

    private IngestBson() {}

    /** What {@link #sample} takes a notification's sample metadata from: its BSON, encoded once while it repeats. */
    static LastEncoding<byte[]> metadata() {
        return new LastEncoding<>(md -> RawDocuments.bytes(w -> object(w, md)));
    }

    /**
     * A sample's document, its metadata taken from {@code metadata} ({@link #metadata()}, one per notification), which
     * encodes it only when it differs from the sample's before.
     */
    static RawBsonDocument sample(Sample s, String notificationId, Instant recordedAt, LastEncoding<byte[]> metadata) {
        byte[] md = metadata.of(s.resourceMetadata());
        return RawDocuments.write(w -> {
            w.writeStartDocument();
            string(w, "_id", s.messageId());
            string(w, "counter_name", s.name());
            string(w, "counter_type", s.type().wireName());
            string(w, "counter_unit", s.unit());
            w.writeName("counter_volume");
            volume(w, s.volume());
            string(w, "user_id", s.userId());
            string(w, "project_id", s.projectId());
            string(w, "resource_id", s.resourceId());
            string(w, "source", s.source());
            time(w, "timestamp", s.timestamp());
            w.writeName("resource_metadata");
            w.pipe(new BsonBinaryReader(ByteBuffer.wrap(md))); // the driver copies a binary reader's bytes as they are
            string(w, "message_id", s.messageId());
            string(w, StoreNames.NOTIFICATION_ID, notificationId);
            w.writeDateTime(StoreNames.RECORDED_AT, Date.from(recordedAt).getTime());
            w.writeEndDocument();
        });
    }

    static RawBsonDocument event(Event e, Instant recordedAt) {
        return RawDocuments.write(w -> {
            w.writeStartDocument();
            string(w, "_id", e.messageId());
            string(w, "message_id", e.messageId());
            string(w, "event_type", e.eventType());
            time(w, "generated", e.generated());
            w.writeStartArray("traits");
            for (Trait t : e.traits()) {
                trait(w, t);
            }
            w.writeEndArray();
            w.writeDateTime(StoreNames.RECORDED_AT, Date.from(recordedAt).getTime());
            w.writeEndDocument();
        });
    }

    private static void trait(BsonWriter w, Trait t) {
        Object value = t.value();
        if (!(value instanceof String
                || value instanceof Long
                || value instanceof Double
                || value instanceof Instant)) {
            RawDocuments.encode(w, DocumentMapper.trait(t));
            return;
        }
        w.writeStartDocument();
        string(w, "name", t.name());
        string(w, "type", t.type().wireName());
        if (value instanceof String text) {
            w.writeString("value", text);
        } else if (value instanceof Long n) {
            w.writeInt64("value", n);
        } else if (value instanceof Double d) {
            w.writeDouble("value", d);
        } else {
            Instant i = (Instant) value;
            w.writeDateTime("value", Date.from(i).getTime());
            w.writeString("value" + DocumentMapper.ISO_SUFFIX, i.toString());
        }
        w.writeEndDocument();
    }

    private static void string(BsonWriter w, String name, String value) {
        if (value == null) {
            w.writeNull(name);
        } else {
            w.writeString(name, value);
        }
    }

    /** {@code DocumentMapper.putTime}: a BSON date, and the ISO-8601 text with the full precision. */
    private static void time(BsonWriter w, String name, Instant t) {
        w.writeDateTime(name, Date.from(t).getTime());
        w.writeString(name + DocumentMapper.ISO_SUFFIX, t.toString());
    }

    /** {@code DocumentMapper.volume}: integers as int64, any other number as a double. */
    private static void volume(BsonWriter w, Number n) {
        if (n == null) {
            w.writeNull();
        } else if (n instanceof Integer || n instanceof Long || n instanceof Short) {
            w.writeInt64(n.longValue());
        } else {
            w.writeDouble(n.doubleValue());
        }
    }

    /** {@link JsonToBson#document}: an object's fields (nothing for null or a non-object), keys escaped. */
    private static void object(BsonWriter w, JsonNode object) {
        if (object != null && object.isObject() && needsEscaping(object)) {
            RawDocuments.encode(w, JsonToBson.document(object)); // escaped keys may collide: the mapper keeps the last
            return;
        }
        w.writeStartDocument();
        if (object != null && object.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                w.writeName(e.getKey());
                value(w, e.getValue());
            }
        }
        w.writeEndDocument();
    }

    private static boolean needsEscaping(JsonNode object) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!FieldNames.escape(key).equals(key)) {
                return true;
            }
        }
        return false;
    }

    /** {@link JsonToBson#value}. */
    private static void value(BsonWriter w, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            w.writeNull();
        } else if (node.isObject()) {
            object(w, node);
        } else if (node.isArray()) {
            w.writeStartArray();
            for (JsonNode e : node) {
                value(w, e);
            }
            w.writeEndArray();
        } else if (node.isTextual()) {
            w.writeString(node.textValue());
        } else if (node.isBoolean()) {
            w.writeBoolean(node.booleanValue());
        } else if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                w.writeInt64(node.longValue());
            } else {
                w.writeString(node.asText());
            }
        } else if (node.isNumber()) {
            w.writeDouble(node.doubleValue());
        } else {
            w.writeString(node.asText());
        }
    }
}
