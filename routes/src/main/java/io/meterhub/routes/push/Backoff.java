package io.meterhub.routes.push;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failing pusher tries again: {@code initial}, doubled after each further failure up to {@code max}; after
 * failing for longer than {@code giveUp} the pusher is dropped.
 */
public record Backoff(Duration initial, Duration max, Duration giveUp) {

    /** The wait after the {@code failures}-th failure in a row (1 for the first). */
    public Duration delay(int failures) {
        Duration d = initial;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Whether a pusher failing since {@code failingSince} has failed for too long at {@code now}. */
    public boolean givesUp(Instant failingSince, Instant now) {
        return Duration.between(failingSince, now).compareTo(giveUp) > 0;
    }
}
