package io.meterhub.mediation.oracle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OracleRunnerTest {

    @TempDir
    Path dir;

    @Test
    void saysWhatToInstallWhenThereIsNoPython() {
        OracleRunner runner = new OracleRunner(dir.resolve("no-python3"), dir, dir.resolve("events.yaml"), false);

        assertThatThrownBy(() -> runner.run(List.of("{}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("apt-get install -y python3-ceilometer");
    }

    @Test
    void saysWhatToInstallWhenPythonCannotImportCeilometer() throws IOException {
        Path python = Files.writeString(
                dir.resolve("python3"),
                "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'ceilometer'\"\nexit 1\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        OracleRunner runner = new OracleRunner(python, dir, dir.resolve("events.yaml"), false);

        assertThatThrownBy(() -> runner.run(List.of("{}")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot import it")
                .hasMessageContaining("No module named 'ceilometer'")
                .hasMessageContaining("apt-get install -y python3-ceilometer");
    }
}
