package io.meterhub.mediation.meter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Ceilometer's meter event-type matching: each pattern is a regular expression matched at the start of the event
 * type (Python's {@code re.match}), so {@code volume.create.*} matches {@code volume.create.end} and
 * {@code compute.instance.(?!create.start|update).*} excludes two event types.
 */
public final class EventTypeMatcher {

    private final List<Pattern> patterns;

    EventTypeMatcher(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    public static EventTypeMatcher of(String... patterns) {
        return new EventTypeMatcher(
                java.util.Arrays.stream(patterns).map(Pattern::compile).toList());
    }

    public boolean matches(String eventType) {
        for (Pattern p : patterns) {
            if (p.matcher(eventType).lookingAt()) {
                return true;
            }
        }
        return false;
    }
}
