package io.meterhub.store.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The period arithmetic of Ceilometer's statistics, shared by every {@link StatisticsSource}: periods of
 * {@code seconds} laid end to end from an anchor (the query's start if it has one, else the first matching sample),
 * a sample at {@code t} falling in period {@code floor((t - anchor) / seconds)}. Ceilometer's MongoDB driver computes
 * the same index ({@code impl_mongodb._make_period_dict}: {@code ((t - first) - (t - first) mod p) / p}) and
 * {@code period_start = first + index * p}, {@code period_end = period_start + p}
 * ({@code _stats_result_to_model}). Times are exact to the microsecond.
 */
public final class Periods {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final Instant anchor;
    private final long seconds;

    /**
     * @param anchor the start of period 0
     * @param seconds the period length, positive
     * @throws IllegalArgumentException when {@code seconds <= 0}
     */
    public Periods(Instant anchor, long seconds) {
        this.anchor = anchor;
        this.seconds = requirePositive(seconds);
    }

    /** Rejects a zero or negative period, which the query API must refuse before asking the store. */
    public static long requirePositive(long seconds) {
        if (seconds <= 0) {
            throw new IllegalArgumentException("the period must be positive, not " + seconds + " s");
        }
        return seconds;
    }

    public Instant anchor() {
        return anchor;
    }

    public long seconds() {
        return seconds;
    }

    /** The index of the period holding {@code t} (negative before the anchor). */
    public long index(Instant t) {
        return Math.floorDiv(ChronoUnit.MICROS.between(anchor, t), seconds * MICROS_PER_SECOND);
    }

    /** The start of period {@code index}. */
    public Instant start(long index) {
        return anchor.plus(index * seconds * MICROS_PER_SECOND, ChronoUnit.MICROS);
    }

    /** The end of period {@code index} (the start of the next). */
    public Instant end(long index) {
        return start(index + 1);
    }

    /** The start of the period holding {@code t}. */
    public Instant startOf(Instant t) {
        return start(index(t));
    }
}
