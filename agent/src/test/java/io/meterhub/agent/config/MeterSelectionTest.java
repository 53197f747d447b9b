package io.meterhub.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeterSelectionTest {

    @ParameterizedTest
    @CsvSource({
        "cpu, cpu, true",
        "cpu, cpu_util, false",
        "hardware.*, hardware.memory.used, true",
        "hardware.*, hardwareXmemory, false",
        "disk.?.bytes, disk.a.bytes, true",
        "disk.?.bytes, disk.ab.bytes, false",
        "disk.[rw]*, disk.read.bytes, true",
        "disk.[!rw]*, disk.read.bytes, false",
        "disk.[!rw]*, disk.capacity, true",
        "CPU, cpu, false",
        "a[b, a[b, true",
        "net+work, net+work, true",
    })
    void matchesNamesAsPythonsFnmatch(String pattern, String meter, boolean selected) {
        assertThat(MeterSelection.of(List.of(pattern)).selects(meter)).isEqualTo(selected);
    }

    @Test
    void exclusionsAloneSelectEverythingElse() {
        MeterSelection s = MeterSelection.of(List.of("!disk.*", "!cpu"));
        assertThat(s.selects("memory.usage")).isTrue();
        assertThat(s.selects("disk.device.read.bytes")).isFalse();
        assertThat(s.selects("cpu")).isFalse();
    }

    @Test
    void wildcardWithExclusionsExcludesFirst() {
        MeterSelection s = MeterSelection.of(List.of("*", "!hardware.*"));
        assertThat(s.selects("cpu")).isTrue();
        assertThat(s.selects("hardware.memory.used")).isFalse();
    }

    @Test
    void refusesWhatCeilometerRefuses() {
        assertThatThrownBy(() -> MeterSelection.of(List.of())).hasMessage("No meters specified");
        assertThatThrownBy(() -> MeterSelection.of(List.of("cpu", "!disk.*")))
                .hasMessage("Both included and excluded meters specified");
        assertThatThrownBy(() -> MeterSelection.of(List.of("*", "cpu")))
                .hasMessage("Included meters specified with wildcard");
    }
}
