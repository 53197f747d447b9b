package io.meterhub.mediation.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import java.util.Optional;

/** Makes the event of a notification; empty when the definitions in force drop it. */
public interface EventConverter {

    /**
     * @param body the notification's {@link io.meterhub.mediation.ListenerForm listener form}
     * @throws IllegalArgumentException when a trait's value cannot have the trait's type; the message names the trait
     */
    Optional<Event> toEvent(Notification notification, JsonNode body);
}
