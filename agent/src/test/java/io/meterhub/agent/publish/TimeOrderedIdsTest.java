package io.meterhub.agent.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    private static final Instant T = Instant.parse("2026-11-27T15:00:00.123Z");

    @Test
    void anIdIsAVersion7UuidOfTheIetfVariantWhoseFirst48BitsAreTheMilliseconds() {
        UUID id = new TimeOrderedIds().next(T);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
    }

    @Test
    void idsOfOneMillisecondAreDistinct() {
        TimeOrderedIds ids = new TimeOrderedIds();
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(ids.next(T));
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void idsSortAsTextByTheirTimeWhateverTheirRandomBits() {
        // random bits all ones for the earlier instant, all zeros for the later: only the time can order them
        TimeOrderedIds high = new TimeOrderedIds(fixed(-1L));
        TimeOrderedIds low = new TimeOrderedIds(fixed(0L));
        List<String> inTimeOrder = new ArrayList<>();
        Instant t = Instant.EPOCH;
        for (int i = 0; i < 6; i++) {
            inTimeOrder.add((i % 2 == 0 ? high : low).next(t).toString());
            t = t.plusMillis(1 + 997L * i * i * i * i * i * i);
        }
        assertThat(inTimeOrder).isSorted();
    }

    @Test
    void aTimeOutsideWhatFortyEightBitsHoldIsClamped() {
        TimeOrderedIds ids = new TimeOrderedIds(fixed(0L));
        assertThat(ids.next(Instant.MIN).toString()).startsWith("00000000-0000-7000");
        assertThat(ids.next(Instant.MAX).toString()).startsWith("ffffffff-ffff-7000");
    }

    private static Random fixed(long value) {
        return new Random() {
            @Override
            public long nextLong() {
                return value;
            }
        };
    }
}
