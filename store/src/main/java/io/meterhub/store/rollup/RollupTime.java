package io.meterhub.store.rollup;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Time arithmetic of rollups: times are microseconds since the epoch (samples keep microseconds), buckets are UTC
 * days of 24 hourly slots.
 */
final class RollupTime {

    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long HOUR_SECONDS = 3_600L;
    static final long DAY_SECONDS = 86_400L;
    static final long HOUR = HOUR_SECONDS * MICROS_PER_SECOND;
    static final long DAY = DAY_SECONDS * MICROS_PER_SECOND;
    static final int HOURS_PER_DAY = 24;

    private RollupTime() {}

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), MICROS_PER_SECOND), t.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }

    /** The UTC day holding the time, as days since the epoch. */
    static long epochDay(long micros) {
        return Math.floorDiv(micros, DAY);
    }

    /** The hour of its day (0-23) the time falls in. */
    static int hourOfDay(long micros) {
        return (int) (Math.floorMod(micros, DAY) / HOUR);
    }

    /** The key text of a day: {@code 2012-05-08}. */
    static String dayText(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    /** Whether the time is a whole multiple of {@code seconds} since the epoch. */
    static boolean aligned(Instant t, long seconds) {
        return t.getNano() == 0 && Math.floorMod(t.getEpochSecond(), seconds) == 0;
    }
}
