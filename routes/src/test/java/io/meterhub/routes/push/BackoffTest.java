package io.meterhub.routes.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.feeds.read.Position;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    void doublesTheWaitAfterEachFailureUpToTheMaximum() {
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givesUpOnlyAfterFailingLongerThanTheGiveUpPeriod() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(backoff.givesUp(since, since.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(backoff.givesUp(since, since.plus(Duration.ofMinutes(5)).plusMillis(1)))
                .isTrue();
    }

    @Test
    void aFailureKeepsTheCursorAndWhenTheFailuresBeganAndASuccessClearsThem() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PushState s =
                PushState.startingAfter(new Position(7, 0)).failed(t0, backoff).failed(t0.plusSeconds(1), backoff);
        assertThat(s.cursor()).isEqualTo(new Position(7, 0));
        assertThat(s.failures()).isEqualTo(2);
        assertThat(s.failingSince()).contains(t0);
        assertThat(s.nextAttempt()).isEqualTo(t0.plusSeconds(3));

        PushState ok = s.acknowledged(new Position(9, 0)).succeeded();
        assertThat(ok.cursor()).isEqualTo(new Position(9, 0));
        assertThat(ok.failures()).isZero();
        assertThat(ok.failingSince()).isEmpty();
    }
}
