package io.meterhub.agent.publish;

import io.meterhub.model.TimeOrderedUuids;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/**
 * Random UUIDs that sort by a timestamp: version 7 (RFC 9562, section 5.7), 48 bits of milliseconds since the epoch,
 * then 74 random bits. The hub keys every sample by its message id in a B-tree index; ids that grow with time are
 * inserted near the index's end, where random ones (version 4) land anywhere in it and make each store commit rewrite
 * a leaf per sample. Uniqueness rests on the random bits, as a version 4's does on its 122.
 */
final class TimeOrderedIds {

    private static final int VERSION = 7;

    private final Random random;

    TimeOrderedIds() {
        this(new SecureRandom());
    }

    TimeOrderedIds(Random random) {
        this.random = random;
    }

    /** A new id whose first 48 bits are {@code at} in milliseconds (clamped to 0 .. 2^48 - 1). */
    UUID next(Instant at) {
        return TimeOrderedUuids.of(at, VERSION, random.nextLong(), random.nextLong());
    }
}
