package io.meterhub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsCommandNameAndUserPlusSystemTicks() {
        // fields 14 and 15 (utime, stime) are 1234 and 56
        String line = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 100 0 0 0 1234 56 0 0 20 0 60 0 5 0 0";

        ProcStat stat = ProcStat.parse(line);

        assertThat(stat.comm()).isEqualTo("C2 CompilerThre");
        assertThat(stat.ticks()).isEqualTo(1290);
    }

    @Test
    void commandNamesMayHoldSpacesAndParentheses() {
        String line = "77 (odd (name) x) R 1 77 77 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 0 0";

        ProcStat stat = ProcStat.parse(line);

        assertThat(stat.comm()).isEqualTo("odd (name) x");
        assertThat(stat.ticks()).isEqualTo(10);
    }

    @Test
    void parsesThisProcessOwnStat() throws Exception {
        Path self = Path.of("/proc/self/stat");
        assumeThat(Files.exists(self)).as("Linux /proc").isTrue();

        ProcStat stat = ProcStat.parse(Files.readString(self));

        assertThat(stat.comm()).isEqualTo("java");
        assertThat(stat.ticks()).isPositive();
    }
}
