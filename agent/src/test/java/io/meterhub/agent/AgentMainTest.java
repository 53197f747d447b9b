package io.meterhub.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AgentMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void unknownFlagStopsWithItsName() {
        assertThat(run("--rabbitmq=amqp://h/", "--intervall=5")).isEqualTo(2);
        assertThat(err.toString()).contains("--intervall=5");
    }

    @Test
    void badIntervalStopsNamingTheOption() {
        assertThat(run("--rabbitmq=amqp://h/", "--interval=often")).isEqualTo(2);
        assertThat(err.toString()).contains("--interval").contains("often");
        err.getBuffer().setLength(0);
        assertThat(run("--rabbitmq=amqp://h/", "--interval=0")).isEqualTo(2);
        assertThat(err.toString()).contains("option --interval: '0' must be a positive number of seconds");
    }

    @Test
    void exactlyOneBrokerIsRequired() {
        assertThat(run("--interval=5")).isEqualTo(2);
        assertThat(err.toString()).contains("--rabbitmq").contains("--amqp");
        err.getBuffer().setLength(0);
        assertThat(run("--rabbitmq=amqp://h/", "--amqp=amqp://h:5673")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
        err.getBuffer().setLength(0);
        assertThat(run("--rabbitmq=http://h/")).isEqualTo(2);
        assertThat(err.toString()).contains("option --rabbitmq: 'http://h/' must be a URI of scheme amqp or amqps");
    }

    @Test
    void badConfigFileStopsNamingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("polling.yaml"), "sources:\n  - name: x\n    meters: []\n");
        assertThat(run("--rabbitmq=amqp://h/", "--config=" + config)).isEqualTo(2);
        assertThat(err.toString()).contains("--config: " + config).contains("sources[0] 'x': No meters specified");
    }

    @Test
    void badSizeAndBadPollsterFileStopNamingThem() throws Exception {
        assertThat(run("--rabbitmq=amqp://h/", "--buffer-max=lots")).isEqualTo(2);
        assertThat(err.toString()).contains("option --buffer-max: 'lots' is not a size");
        err.getBuffer().setLength(0);
        Path pollsters = Files.writeString(dir.resolve("p.yaml"), "- name: x\n  sample_type: often\n");
        assertThat(run("--rabbitmq=amqp://h/", "--pollsters=" + pollsters)).isEqualTo(2);
        assertThat(err.toString())
                .contains("--pollsters: " + pollsters)
                .contains("'x': sample_type unknown sample type");
    }

    @Test
    void helpListsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("--rabbitmq", "--amqp", "--interval", "--secret", "--config", "--process", "--pollsters")
                .contains("--buffer-max", "--ed25519-key");
    }
}
