package io.meterhub.feeds.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void tokensReadBackAndOrderBySequenceThenSub() {
        assertThat(Position.parse("1234")).isEqualTo(new Position(1234, 0));
        assertThat(Position.parse("1234.2")).isEqualTo(new Position(1234, 2));
        assertThat(new Position(1234, 0).token()).isEqualTo("1234");
        assertThat(new Position(1234, 2).token()).isEqualTo("1234.2");
        assertThat(new Position(9, 5)).isLessThan(new Position(10, 0));
        assertThat(new Position(10, 1)).isGreaterThan(new Position(10, 0));
    }

    @Test
    void refusesWhatIsNotAPosition() {
        for (String bad : new String[] {"", "-1", "1.", "abc", "urn:uuid:x", "1.2.3", "99999999999999999999"}) {
            assertThatThrownBy(() -> Position.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
