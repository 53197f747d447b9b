package io.meterhub.store.query;

import io.meterhub.model.Event;
import io.meterhub.model.Resource;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/**
 * Reads the documents {@link io.meterhub.store.DocumentMapper} and the resource updates write back into model
 * objects. Times come from the {@code *_iso} copy (full precision) when present, else from the BSON date.
 */
final class StoredDocuments {

    static final String ISO = "_iso";

    private StoredDocuments() {}

    static StoredSample sample(Document d) {
        Sample s = new Sample(
                d.getString("source"),
                d.getString("counter_name"),
                SampleType.fromWire(d.getString("counter_type")),
                d.getString("counter_unit"),
                volume(d.get("counter_volume")),
                d.getString("user_id"),
                d.getString("project_id"),
                d.getString("resource_id"),
                time(d, "timestamp"),
                BsonToJson.object(d.get("resource_metadata")),
                d.getString("message_id"));
        Date recorded = d.getDate("recorded_at");
        return new StoredSample(s, recorded == null ? null : recorded.toInstant());
    }

    static Event event(Document d) {
        List<Trait> traits = new ArrayList<>();
        for (Document t : d.getList("traits", Document.class, List.of())) {
            traits.add(trait(t));
        }
        return new Event(d.getString("message_id"), d.getString("event_type"), time(d, "generated"), traits);
    }

    static Trait trait(Document t) {
        TraitType type = traitType(t.getString("type"));
        Object value =
                switch (type) {
                    case TEXT -> String.valueOf(t.get("value"));
                    case INT -> ((Number) t.get("value")).longValue();
                    case FLOAT -> ((Number) t.get("value")).doubleValue();
                    case DATETIME -> time(t, "value");
                };
        return new Trait(t.getString("name"), type, value);
    }

    static TraitType traitType(String wireName) {
        return TraitType.valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    static StoredResource resource(Document d) {
        Resource r = new Resource(
                d.getString("_id"),
                d.getString("project_id"),
                d.getString("user_id"),
                d.getString("source"),
                date(d, "first_sample_timestamp"),
                time(d, "last_sample_timestamp"),
                BsonToJson.object(d.get("metadata")));
        List<String> names = d.getList("meters", Document.class, List.of()).stream()
                .map(m -> m.getString("counter_name"))
                .distinct()
                .sorted()
                .toList();
        return new StoredResource(r, names);
    }

    /** The full-precision time of {@code field}: its {@code *_iso} copy if present, else its BSON date. */
    static Instant time(Document d, String field) {
        String iso = d.getString(field + ISO);
        return iso != null ? Instant.parse(iso) : date(d, field);
    }

    private static Instant date(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static Number volume(Object v) {
        if (v instanceof Integer i) {
            return i.longValue();
        }
        return (Number) v;
    }
}
