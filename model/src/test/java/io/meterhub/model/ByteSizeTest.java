package io.meterhub.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void unitsArePowersOf1024() {
        assertThat(ByteSize.parse("1048576")).isEqualTo(1_048_576L);
        assertThat(ByteSize.parse("512KiB")).isEqualTo(512L * 1024);
        assertThat(ByteSize.parse("2MiB")).isEqualTo(2L * 1024 * 1024);
        assertThat(ByteSize.parse("64mb")).isEqualTo(64L * 1024 * 1024);
        assertThat(ByteSize.parse(" 1 g ")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("7b")).isEqualTo(7L);
    }

    @Test
    void refusesWhatIsNotASizeOrOutOfRange() {
        assertThatThrownBy(() -> ByteSize.parse("two megs")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse("-1")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse("1.5MiB")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> ByteSize.parse("0")).hasMessage("out of range");
        assertThatThrownBy(() -> ByteSize.parse("99999999999999999999")).hasMessage("out of range");
        assertThatThrownBy(() -> ByteSize.parse("9007199254740993g")).hasMessage("out of range");
    }
}
