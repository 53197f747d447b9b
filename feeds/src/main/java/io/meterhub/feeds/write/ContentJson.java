package io.meterhub.feeds.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.meterhub.model.Event;
import io.meterhub.model.Json;
import io.meterhub.model.LastEncoding;
import io.meterhub.model.Sample;
import io.meterhub.model.Timestamps;
import io.meterhub.model.Trait;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON an entry carries: the notification as Yagi publishes it (every top-level key starting with {@code _}
 * removed, which drops {@code _context_*} and {@code _unique_id}), samples as Ceilometer's meter messages, events
 * with Ceilometer's field and trait-type names ({@code string}, {@code integer}, {@code float}, {@code datetime}).
 *
 * <p>Written straight to text with one generator each, without building a JSON tree first: this runs for every
 * notification on the consumer threads, and the trees (a node per trait, each value converted through a token
 * buffer) cost more than the text.
 */
final class ContentJson {

    private ContentJson() {}

    static String notification(ObjectNode message) {
        return write(g -> {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = message.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().startsWith("_")) {
                    g.writeFieldName(field.getKey());
                    g.writeTree(field.getValue());
                }
            }
            g.writeEndObject();
        });
    }

    static String samples(List<Sample> samples) {
        return write(g -> SAMPLES.withAttribute(RepeatedMetadata.class, RepeatedMetadata.lastEncoding())
                .writeValue(g, samples));
    }

    /** Samples as the mapper writes them, their metadata through {@link RepeatedMetadata}. */
    private static final ObjectWriter SAMPLES =
            Json.mapper().copy().addMixIn(Sample.class, SampleMixin.class).writer();

    private abstract static class SampleMixin {
        @JsonSerialize(using = RepeatedMetadata.class)
        abstract ObjectNode resourceMetadata();
    }

    /**
     * A sample's {@code resource_metadata}, as the mapper writes it; when equal, field for field in the same order,
     * to the sample's before (a notification's samples mostly carry the same, by default its payload), the text
     * written for that one is copied in instead of writing the tree again.
     */
    static final class RepeatedMetadata extends StdSerializer<ObjectNode> {

        RepeatedMetadata() {
            super(ObjectNode.class);
        }

        /** What one {@link #samples} call takes the metadata's text from: written once while it repeats. */
        static LastEncoding<String> lastEncoding() {
            return new LastEncoding<>(md -> write(out -> out.writeTree(md)));
        }

        @Override
        public void serialize(ObjectNode metadata, JsonGenerator g, SerializerProvider provider) throws IOException {
            @SuppressWarnings("unchecked")
            LastEncoding<String> text = (LastEncoding<String>) provider.getAttribute(RepeatedMetadata.class);
            if (text == null) {
                metadata.serialize(g, provider);
                return;
            }
            g.writeRawValue(text.of(metadata));
        }
    }

    static String events(List<Event> events) {
        return write(g -> {
            g.writeStartArray();
            for (Event e : events) {
                g.writeStartObject();
                g.writeStringField("message_id", e.messageId());
                g.writeStringField("event_type", e.eventType());
                g.writeStringField("generated", Timestamps.isoformat(e.generated(), false));
                g.writeArrayFieldStart("traits");
                for (Trait t : e.traits()) {
                    trait(g, t);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void trait(JsonGenerator g, Trait t) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", t.name());
        g.writeStringField(
                "type",
                switch (t.type()) {
                    case TEXT -> "string";
                    case INT -> "integer";
                    case FLOAT -> "float";
                    case DATETIME -> "datetime";
                });
        g.writeFieldName("value");
        Object value = t.value(); // String, Long, Double or Instant (Trait); written as the mapper writes them
        if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Instant i) {
            g.writeString(Timestamps.isoformat(i, false));
        } else {
            g.writeObject(value);
        }
        g.writeEndObject();
    }

    private interface Body {
        void writeTo(JsonGenerator g) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            body.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing an entry's JSON", e);
        }
        return out.toString();
    }
}
