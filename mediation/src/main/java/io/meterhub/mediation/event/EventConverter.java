package io.meterhub.mediation.event;

import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import java.util.Optional;

/** Makes the event of a notification; empty when the definitions in force drop it. */
public interface EventConverter {

    Optional<Event> toEvent(Notification notification);
}
