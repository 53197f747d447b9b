package io.meterhub.mediation;

import io.meterhub.mediation.event.EventConverter;
import io.meterhub.mediation.meter.SampleConverter;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs every sample converter whose event types match, and the event converter, over each notification. */
public final class DefaultNotificationTranslator implements NotificationTranslator {

    private final List<SampleConverter> meters;
    private final EventConverter events;

    public DefaultNotificationTranslator(List<SampleConverter> meters, EventConverter events) {
        this.meters = List.copyOf(meters);
        this.events = events;
    }

    @Override
    public Translation translate(Notification notification) throws RejectedMessageException {
        try {
            List<Sample> samples = new ArrayList<>(2);
            for (SampleConverter meter : meters) {
                if (meter.matches(notification.eventType())) {
                    samples.addAll(meter.toSamples(notification));
                }
            }
            Optional<Event> event = events.toEvent(notification);
            return new Translation(notification, samples, event.map(List::of).orElse(List.of()));
        } catch (RuntimeException e) {
            throw new RejectedMessageException(
                    RejectReason.TRANSLATION_FAILED,
                    "translating " + notification.eventType() + " failed: " + e,
                    notification.messageId(),
                    e);
        }
    }
}
