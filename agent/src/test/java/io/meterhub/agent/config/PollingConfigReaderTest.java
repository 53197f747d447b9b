package io.meterhub.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollingConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsCeilometersPollingYaml() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/polling.yaml").toURI());

        List<PollingSource> sources = PollingConfigReader.read(file, Duration.ofSeconds(60));

        assertThat(sources).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("some_pollsters");
            assertThat(s.interval()).isEqualTo(Duration.ofSeconds(300));
            assertThat(s.meters().selects("cpu")).isTrue();
            assertThat(s.meters().selects("disk.device.write.bytes")).isTrue();
            assertThat(s.meters().selects("hardware.memory.used")).isFalse();
        });
    }

    @Test
    void sourceWithoutIntervalTakesTheDefault() throws Exception {
        Path file = write("sources:\n  - name: host\n    meters: ['hardware.*']\n");

        assertThat(PollingConfigReader.read(file, Duration.ofSeconds(10)).get(0).interval())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void badFilesStopWithAMessageNamingFileSourceAndProblem() throws Exception {
        assertThatThrownBy(() -> PollingConfigReader.read(dir.resolve("nope.yaml"), Duration.ofSeconds(1)))
                .hasMessageContaining("--config: ")
                .hasMessageContaining("nope.yaml: no such file");
        Path noSources = write("meters: [cpu]\n");
        assertThatThrownBy(() -> PollingConfigReader.read(noSources, Duration.ofSeconds(1)))
                .hasMessageEndingWith("sources required (a list)");
        Path badInterval = write("sources:\n  - name: s1\n    interval: often\n    meters: [cpu]\n");
        assertThatThrownBy(() -> PollingConfigReader.read(badInterval, Duration.ofSeconds(1)))
                .hasMessageContaining("sources[0] 's1': Invalid interval value 'often'");
        Path zero = write("sources:\n  - name: s1\n    interval: 0\n    meters: [cpu]\n");
        assertThatThrownBy(() -> PollingConfigReader.read(zero, Duration.ofSeconds(1)))
                .hasMessageContaining("'s1': Interval value should > 0");
        Path mixed = write("sources:\n  - name: s1\n    interval: 5\n    meters: [cpu, '!disk.*']\n");
        assertThatThrownBy(() -> PollingConfigReader.read(mixed, Duration.ofSeconds(1)))
                .hasMessageContaining("'s1': Both included and excluded meters specified");
        Path typo = write("sources:\n  - name: s1\n    intervall: 5\n    meters: [cpu]\n");
        assertThatThrownBy(() -> PollingConfigReader.read(typo, Duration.ofSeconds(1)))
                .hasMessageContaining("unknown key 'intervall'");
        Path twice = write("sources:\n  - name: a\n    meters: [cpu]\n  - name: a\n    meters: [cpu]\n");
        assertThatThrownBy(() -> PollingConfigReader.read(twice, Duration.ofSeconds(1)))
                .hasMessageContaining("duplicated source name 'a'");
        Path notYaml = write("sources: [\n");
        assertThatThrownBy(() -> PollingConfigReader.read(notYaml, Duration.ofSeconds(1)))
                .hasMessageContaining("not valid YAML");
    }

    private Path write(String yaml) throws Exception {
        Path f = Files.createTempFile(dir, "polling", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
