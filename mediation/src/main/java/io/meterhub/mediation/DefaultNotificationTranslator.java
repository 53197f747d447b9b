package io.meterhub.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterhub.mediation.event.EventConverter;
import io.meterhub.mediation.meter.SampleConverter;
import io.meterhub.mediation.polling.PollingSampleConverter;
import io.meterhub.model.Event;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the meter definitions whose event types match, and the event definitions, over each notification, whatever
 * its priority (as Ceilometer's converters do; its agent would drop samples of {@code error} notifications and
 * events of {@code warn} ones, which meterhub keeps). Ceilometer polling-agent messages ({@code telemetry.polling})
 * carry their samples ready made.
 */
public final class DefaultNotificationTranslator implements NotificationTranslator {

    private final List<SampleConverter> meters;
    private final EventConverter events;
    private final PollingSampleConverter polling;
    private final EventTypeCache<List<SampleConverter>> metersByType;

    /** Polling-agent samples ({@code telemetry.polling}) taken without checking signatures. */
    public DefaultNotificationTranslator(List<SampleConverter> meters, EventConverter events) {
        this(meters, events, new PollingSampleConverter(Optional.empty()));
    }

    /**
     * @param polling takes the samples of Ceilometer polling-agent messages ({@code telemetry.polling}), verifying
     *     their signatures when it has a secret
     */
    public DefaultNotificationTranslator(
            List<SampleConverter> meters, EventConverter events, PollingSampleConverter polling) {
        this.meters = List.copyOf(meters);
        this.events = events;
        this.polling = polling;
        this.metersByType = new EventTypeCache<>(this::metersOf, 10_000);
    }

    @Override
    public Translation translate(Notification notification) throws RejectedMessageException {
        JsonNode body = ListenerForm.of(notification);
        List<String> problems = new ArrayList<>(0);
        List<Sample> samples;
        if (polling.matches(notification.eventType())) {
            samples = polling.toSamples(notification); // its refusals keep their own reasons
        } else {
            samples = samples(notification, body, problems);
        }
        List<Event> made = List.of();
        try {
            made = events.toEvent(notification, body).map(List::of).orElse(List.of());
        } catch (RuntimeException e) {
            problems.add("event: " + e.getMessage());
        }
        if (!problems.isEmpty() && samples.isEmpty() && made.isEmpty()) {
            throw new RejectedMessageException(
                    RejectReason.TRANSLATION_FAILED,
                    "translating " + notification.eventType() + " failed: " + String.join("; ", problems),
                    notification.messageId(),
                    null);
        }
        return new Translation(notification, samples, made, problems);
    }

    /** All the samples, or none when one meter fails (as Ceilometer publishes a notification's samples together). */
    private List<Sample> samples(Notification notification, JsonNode body, List<String> problems) {
        List<Sample> samples = new ArrayList<>(2);
        try {
            for (SampleConverter meter : metersByType.get(notification.eventType())) {
                samples.addAll(meter.toSamples(notification, body));
            }
            return samples;
        } catch (RuntimeException e) {
            problems.add("samples: " + e.getMessage());
            return List.of();
        }
    }

    private List<SampleConverter> metersOf(String eventType) {
        return meters.stream().filter(m -> m.matches(eventType)).toList();
    }
}
