package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodsTest {

    private static final Instant ANCHOR = Instant.parse("2015-07-17T10:00:00.250000Z");
    private final Periods hourly = new Periods(ANCHOR, 3600);

    @Test
    void theAnchorOpensPeriodZero() {
        assertThat(hourly.index(ANCHOR)).isZero();
        assertThat(hourly.start(0)).isEqualTo(ANCHOR);
        assertThat(hourly.end(0)).isEqualTo(Instant.parse("2015-07-17T11:00:00.250000Z"));
    }

    @Test
    void aPeriodHoldsItsStartButNotItsEnd() {
        assertThat(hourly.index(Instant.parse("2015-07-17T10:59:59.999999Z"))).isZero();
        assertThat(hourly.index(Instant.parse("2015-07-17T11:00:00.249999Z"))).isZero();
        assertThat(hourly.index(Instant.parse("2015-07-17T11:00:00.250000Z"))).isEqualTo(1);
        assertThat(hourly.startOf(Instant.parse("2015-07-17T13:30:00Z")))
                .isEqualTo(Instant.parse("2015-07-17T13:00:00.250000Z"));
    }

    @Test
    void timesBeforeTheAnchorFallInNegativePeriods() {
        assertThat(hourly.index(ANCHOR.minusNanos(1000))).isEqualTo(-1);
        assertThat(hourly.index(ANCHOR.minusSeconds(3600))).isEqualTo(-1);
        assertThat(hourly.index(ANCHOR.minusSeconds(3601))).isEqualTo(-2);
        assertThat(hourly.start(-2)).isEqualTo(Instant.parse("2015-07-17T08:00:00.250000Z"));
    }

    @Test
    void longPeriodsAndDistantTimesStayExact() {
        Periods yearly = new Periods(Instant.parse("1970-01-01T00:00:00Z"), 365L * 86_400);
        Instant t = Instant.parse("2262-01-01T00:00:00.000001Z");

        long index = yearly.index(t);

        assertThat(yearly.start(index)).isBeforeOrEqualTo(t);
        assertThat(yearly.end(index)).isAfter(t);
        assertThat(yearly.end(index)).isEqualTo(yearly.start(index + 1));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    void rejectsAPeriodThatIsNotPositive(long seconds) {
        assertThatThrownBy(() -> new Periods(ANCHOR, seconds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(seconds));
        assertThatThrownBy(() -> Periods.requirePositive(seconds)).isInstanceOf(IllegalArgumentException.class);
    }
}
