package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import io.meterhub.model.Trait;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of event_definitions.yaml ({@code ceilometer.event.converter.EventDefinition}): the event types it
 * includes and excludes (globs; only exclusions means everything else) and its traits, Ceilometer's default traits
 * first.
 */
final class EventDefinition {

    private final List<EventTypeGlob> included;
    private final List<EventTypeGlob> excluded;
    private final List<TraitDefinition> traits;

    EventDefinition(List<EventTypeGlob> included, List<EventTypeGlob> excluded, List<TraitDefinition> traits) {
        this.included = List.copyOf(included);
        this.excluded = List.copyOf(excluded);
        this.traits = List.copyOf(traits);
    }

    boolean matches(String eventType) {
        return any(included, eventType) && !any(excluded, eventType);
    }

    /** Whether it takes every event type ({@code '*'} and no exclusion). */
    boolean catchAll() {
        return excluded.isEmpty() && included.stream().anyMatch(g -> g.glob().equals("*"));
    }

    Event toEvent(Notification n, JsonNode body) {
        List<Trait> values = new ArrayList<>(traits.size());
        for (TraitDefinition t : traits) {
            Trait trait = t.toTrait(body);
            if (trait != null) {
                values.add(trait);
            }
        }
        return new Event(n.messageId(), n.eventType(), n.timestamp(), values);
    }

    private static boolean any(List<EventTypeGlob> globs, String eventType) {
        for (EventTypeGlob g : globs) {
            if (g.matches(eventType)) {
                return true;
            }
        }
        return false;
    }
}
