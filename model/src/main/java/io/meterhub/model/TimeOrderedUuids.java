package io.meterhub.model;

import java.time.Instant;
import java.util.UUID;

/**
 * UUIDs whose first 48 bits are a time in milliseconds since the epoch (RFC 9562's layout for versions 7 and 8), so
 * that they sort, as text too, by that time. The store keys samples by such ids in B-tree indexes, where ids that
 * grow with time are inserted near the end instead of anywhere.
 */
public final class TimeOrderedUuids {

    private static final long MAX_MILLIS = (1L << 48) - 1;

    private TimeOrderedUuids() {}

    /**
     * The UUID of {@code version} with {@code at}'s milliseconds (clamped to 0 .. 2^48 - 1) first, then the low 12 bits
     * of {@code a}, the variant bits 10 and the low 62 bits of {@code b}.
     */
    public static UUID of(Instant at, int version, long a, long b) {
        long high = millis(at) << 16 | (long) (version & 0xF) << 12 | a & 0xFFFL;
        long low = b & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** {@code at} in milliseconds since the epoch, clamped to the 48 bits the ids have for them. */
    static long millis(Instant at) {
        if (at.isBefore(Instant.EPOCH)) {
            return 0;
        }
        if (at.getEpochSecond() > MAX_MILLIS / 1000) {
            return MAX_MILLIS;
        }
        return Math.min(at.toEpochMilli(), MAX_MILLIS);
    }
}
