package io.meterhub.routes.api.json;

import io.meterhub.model.Timestamps;
import java.time.Instant;

/**
 * Times as Ceilometer's API writes them: wsme's {@code datetime.isoformat()} of a naive UTC time, e.g.
 * {@code 2015-01-01T12:00:00} or {@code 2015-01-01T12:00:00.123000} — no offset, microseconds only when not zero.
 */
public final class ApiTimes {

    private ApiTimes() {}

    /** The text, or null for null. */
    public static String format(Instant t) {
        return t == null ? null : Timestamps.isoformat(t, false);
    }
}
