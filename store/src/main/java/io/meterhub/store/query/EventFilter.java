package io.meterhub.store.query;

import java.time.Instant;
import java.util.List;

/**
 * Conditions on events, as Ceilometer's {@code storage.EventFilter}; a null field is not constrained.
 *
 * @param start events generated at or after this instant
 * @param end events generated at or before this instant
 * @param traits conditions that must all hold
 */
public record EventFilter(String eventType, String messageId, Instant start, Instant end, List<TraitFilter> traits) {

    /** Every event. */
    public static final EventFilter ALL = new EventFilter(null, null, null, null, List.of());

    public EventFilter {
        traits = traits == null ? List.of() : List.copyOf(traits);
    }
}
