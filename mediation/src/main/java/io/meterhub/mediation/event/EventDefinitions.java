package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.EventTypeCache;
import io.meterhub.mediation.definition.DefinitionSource;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The event-definitions engine ({@code NotificationEventsConverter}): a notification takes the LAST definition of
 * the file that matches its event type (which is what lets YAML merges extend earlier entries); unless unmatched
 * notifications are dropped, a catch-all with the default traits takes the rest.
 */
public final class EventDefinitions implements EventConverter {

    /** The event_definitions.yaml shipped with meterhub (Ceilometer's own default). */
    public static final String DEFAULT_RESOURCE = "/io/meterhub/mediation/event_definitions.yaml";

    private final List<EventDefinition> newestFirst;
    private final EventTypeCache<Optional<EventDefinition>> byType;

    private EventDefinitions(List<EventDefinition> newestFirst) {
        this.newestFirst = List.copyOf(newestFirst);
        this.byType = new EventTypeCache<>(this::definitionOf, 10_000);
    }

    /** The shipped default file. */
    public static DefinitionSource defaults() {
        return DefinitionSource.classpath(DEFAULT_RESOURCE);
    }

    /**
     * @param dropUnmatched Ceilometer's {@code drop_unmatched_notifications}: no event for a notification no
     *     definition matches
     * @throws io.meterhub.mediation.definition.DefinitionFileException naming the file, entry and problem
     */
    public static EventDefinitions load(DefinitionSource source, boolean dropUnmatched) {
        List<EventDefinition> definitions = new ArrayList<>(new EventDefinitionReader().read(source));
        Collections.reverse(definitions);
        if (!dropUnmatched && definitions.stream().noneMatch(EventDefinition::catchAll)) {
            definitions.add(EventDefinitionReader.catchAll());
        }
        return new EventDefinitions(definitions);
    }

    @Override
    public Optional<Event> toEvent(Notification notification, JsonNode body) {
        return byType.get(notification.eventType()).map(d -> d.toEvent(notification, body));
    }

    private Optional<EventDefinition> definitionOf(String eventType) {
        return newestFirst.stream().filter(d -> d.matches(eventType)).findFirst();
    }
}
