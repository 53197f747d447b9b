package io.meterhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void countsTheBusyTimeOfWorkDoneInBetween() {
        assumeThat(Files.exists(Path.of("/proc/stat"))).as("Linux /proc").isTrue();
        MachineCpu.Reading before = MachineCpu.read();

        long end = System.nanoTime() + 300_000_000L;
        long spin = 0;
        while (System.nanoTime() < end) {
            spin += Long.numberOfTrailingZeros(spin + System.nanoTime());
        }
        MachineCpu.Reading after = MachineCpu.read();

        assertThat(spin).isNotNegative();
        // 0.3 s of one core spinning; ticks are 1/100 s and other processes only add to it
        assertThat(after.busySince(before)).isGreaterThanOrEqualTo(0.2);
        assertThat(after.idleSince(before)).isNotNegative();
        assertThat(after.stealSince(before)).isNotNegative();
        assertThat(after.brokerSince(before)).isNotNegative();
    }
}
