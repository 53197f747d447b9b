package io.meterhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ZeroPaddedTest {

    @Test
    void writesWhatTheFormatStringWrites() {
        long[] values = {0, 1, 9, 10, 99, 100, 999_999, 1_000_000, 9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE};
        for (int width = 1; width <= 12; width++) {
            for (long v : values) {
                assertThat(ZeroPadded.append(new StringBuilder("x"), v, width).toString())
                        .as("%d to %d", v, width)
                        .isEqualTo("x" + String.format(Locale.ROOT, "%0" + width + "d", v));
            }
        }
    }

    @Test
    void refusesNegativeValues() {
        assertThatThrownBy(() -> ZeroPadded.append(new StringBuilder(), -1, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
