package io.meterhub.store.rollup;

import java.time.Duration;
import java.time.Instant;

/**
 * Which rollups a time-to-live keeps: the day documents of the UTC days from {@code floor_day(now - ttl)} on, i.e.
 * every day that still holds a moment younger than the TTL. The expirer deletes the older ones; readers ignore them
 * even before it has, so that an answer does not depend on when the expirer last ran.
 */
public final class RollupRetention {

    private RollupRetention() {}

    /** The start of the oldest retained day at {@code now}. */
    public static Instant retainedFrom(Instant now, Duration ttl) {
        long micros = RollupTime.micros(now.minus(ttl));
        return RollupTime.instant(RollupTime.epochDay(micros) * RollupTime.DAY);
    }
}
