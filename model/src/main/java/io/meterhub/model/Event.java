package io.meterhub.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Ceilometer event: one per notification, identified by the notification's message id.
 *
 * @param generated when the notification was emitted
 */
public record Event(String messageId, String eventType, Instant generated, List<Trait> traits) {

    public Event {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(generated, "generated");
        traits = List.copyOf(traits);
    }
}
