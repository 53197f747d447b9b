package io.meterhub.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedUuidsTest {

    private static final Instant T = Instant.parse("2026-11-27T16:30:00.123456Z");

    @Test
    void layoutIsTheMillisecondsTheVersionTwelveBitsTheIetfVariantAnd62Bits() {
        UUID id = TimeOrderedUuids.of(T, 8, 0xABCDEFL, -1L);

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(T.toEpochMilli());
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.getMostSignificantBits() & 0xFFF).isEqualTo(0xDEFL);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL).isEqualTo(0x3FFFFFFFFFFFFFFFL);
        assertThat(TimeOrderedUuids.of(T, 7, 0, 0).version()).isEqualTo(7);
    }

    @Test
    void aTimeOutsideWhatFortyEightBitsHoldIsClamped() {
        assertThat(TimeOrderedUuids.millis(Instant.parse("1969-12-31T23:59:59.999Z")))
                .isZero();
        assertThat(TimeOrderedUuids.millis(Instant.MIN)).isZero();
        assertThat(TimeOrderedUuids.millis(Instant.parse("+10889-08-02T05:31:50.655Z")))
                .isEqualTo((1L << 48) - 1);
        assertThat(TimeOrderedUuids.millis(Instant.MAX)).isEqualTo((1L << 48) - 1);
        assertThat(TimeOrderedUuids.millis(Instant.EPOCH.plusMillis(1))).isEqualTo(1);
    }
}
