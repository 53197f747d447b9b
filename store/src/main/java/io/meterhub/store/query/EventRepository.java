package io.meterhub.store.query;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.meterhub.model.Event;
import io.meterhub.model.Trait;
import io.meterhub.store.StoreNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads events for {@code GET /v2/events}, {@code /v2/events/<message_id>} and {@code /v2/event_types/...}, with
 * the semantics of Ceilometer's MongoDB event driver ({@code ceilometer/event/storage/impl_mongodb.py} and
 * {@code pymongo_base.py}): the filter of {@link EventQuery}, newest first.
 */
public final class EventRepository {

    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending("generated"), Sorts.ascending("_id"));
    private static final Comparator<TraitDescription> BY_NAME_THEN_TYPE = Comparator.comparing(TraitDescription::name)
            .thenComparing(d -> d.type().code());

    private final MongoCollection<Document> events;

    public EventRepository(MongoDatabase db) {
        this.events = db.getCollection(StoreNames.EVENTS);
    }

    /** The events matching {@code f}, newest first, at most {@code limit} of them ({@code limit <= 0}: all). */
    public List<Event> find(EventFilter f, int limit) {
        FindIterable<Document> found = events.find(EventQuery.of(f)).sort(NEWEST_FIRST);
        if (limit > 0) {
            found = found.limit(limit);
        }
        List<Event> out = new ArrayList<>();
        for (Document d : found) {
            out.add(StoredDocuments.event(d));
        }
        return out;
    }

    /** The event of the notification with this message id. */
    public Optional<Event> findById(String messageId) {
        return Optional.ofNullable(events.find(Filters.eq("_id", messageId)).first())
                .map(StoredDocuments::event);
    }

    /** The distinct event types, sorted ({@code GET /v2/event_types}). */
    public List<String> eventTypes() {
        TreeSet<String> types = new TreeSet<>();
        for (String t : events.distinct("event_type", String.class)) {
            if (t != null) {
                types.add(t);
            }
        }
        return List.copyOf(types);
    }

    /**
     * The distinct (name, type) pairs of the traits of events of this type, by name then type
     * ({@code GET /v2/event_types/<type>/traits}). A name seen with two types is listed twice, as Ceilometer's SQL
     * driver does; its MongoDB driver listed only the first type it met.
     */
    public List<TraitDescription> traitTypes(String eventType) {
        TreeSet<TraitDescription> seen = new TreeSet<>(BY_NAME_THEN_TYPE);
        for (Document d : traitsOf(eventType)) {
            for (Document t : d.getList("traits", Document.class, List.of())) {
                seen.add(new TraitDescription(t.getString("name"), StoredDocuments.traitType(t.getString("type"))));
            }
        }
        return List.copyOf(seen);
    }

    /**
     * Every trait named {@code traitName} of every event of this type, one per event that has it, newest event
     * first ({@code GET /v2/event_types/<type>/traits/<name>}); a null name returns all their traits.
     */
    public List<Trait> traits(String eventType, String traitName) {
        List<Trait> out = new ArrayList<>();
        for (Document d : traitsOf(eventType)) {
            for (Document t : d.getList("traits", Document.class, List.of())) {
                if (traitName == null || traitName.equals(t.getString("name"))) {
                    out.add(StoredDocuments.trait(t));
                }
            }
        }
        return out;
    }

    private FindIterable<Document> traitsOf(String eventType) {
        return events.find(Filters.eq("event_type", eventType))
                .projection(Projections.include("traits"))
                .sort(NEWEST_FIRST);
    }
}
