package io.meterhub.feeds.read;

import java.time.Instant;

/**
 * Finds where a time falls in the sequence. Entries are committed with non-decreasing times in sequence order, so
 * a binary search over sequence numbers (each probe one {@code _id $in}) finds the first entry committed at or after
 * a time, or after it, in about 20 probes at a million entries.
 */
final class TimeIndex {

    private final EntryStore store;

    TimeIndex(EntryStore store) {
        this.store = store;
    }

    /**
     * The smallest sequence number {@code s} in {@code 1..committed+1} such that every entry at or after {@code s}
     * was committed at or after {@code time} ({@code strictlyAfter}: after it), and none before {@code s} was.
     */
    long firstAtOrAfter(Instant time, boolean strictlyAfter, long committed) {
        long lo = 1;
        long hi = committed + 1;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            boolean late = store.updatedAtOrAfter(mid, committed)
                    .map(t -> strictlyAfter ? t.isAfter(time) : !t.isBefore(time))
                    .orElse(true);
            if (late) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
