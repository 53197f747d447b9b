package io.meterhub.model;

import java.util.List;

/**
 * What one notification produced: its samples and its events (usually exactly one), and what could not be made of
 * it. As in Ceilometer, a notification whose samples fail still makes its event and the other way round; each
 * failure is one entry of {@code problems}, which the hub records as a dead letter beside what was stored.
 */
public record Translation(Notification source, List<Sample> samples, List<Event> events, List<String> problems) {

    public Translation {
        samples = List.copyOf(samples);
        events = List.copyOf(events);
        problems = List.copyOf(problems);
    }

    public Translation(Notification source, List<Sample> samples, List<Event> events) {
        this(source, samples, events, List.of());
    }

    /** Documents this translation writes, not counting resource updates. */
    public int documentCount() {
        return samples.size() + events.size();
    }
}
