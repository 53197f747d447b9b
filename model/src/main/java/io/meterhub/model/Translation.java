package io.meterhub.model;

import java.util.List;

/** What one notification produced: its samples and its events (usually exactly one). */
public record Translation(Notification source, List<Sample> samples, List<Event> events) {

    public Translation {
        samples = List.copyOf(samples);
        events = List.copyOf(events);
    }

    /** Documents this translation writes, not counting resource updates. */
    public int documentCount() {
        return samples.size() + events.size();
    }
}
