package io.meterhub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.routes.config.HubOption;
import io.meterhub.routes.config.HubOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line, with inputs that never start the hub: bad flags, bad environment, bad files, and help. Every
 * refusal exits 2 with a message naming what is wrong.
 */
class MeterhubMainTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Map<String, String> env, String... args) {
        return MeterhubMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void unknownFlagExitsTwoNamingTheFlag() {
        int status = run("run", "--no-such-flag=1");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--no-such-flag").contains("meterhub run --help");
    }

    @Test
    void unknownCommandExitsTwoNamingIt() {
        int status = run("serve");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("serve");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--port=abc         | --port        | abc",
                "--port=70000       | --port        | 70000",
                "--rabbitmq=http://x | --rabbitmq   | http://x",
                "--batch-delay=soon | --batch-delay | soon",
                "--max-body=0       | --max-body    | '0'",
                "--store-port=-5    | --store-port  | -5",
            })
    void badValueExitsTwoNamingTheOption(String flag, String option, String value) {
        int status = run("run", flag);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("meterhub: option " + option + " (from command line)")
                .contains(value);
        assertThat(out.toString()).doesNotContain("meterhub ready");
    }

    @Test
    void flagWithoutValueExitsTwoNamingTheOption() {
        int status = run("run", "--port");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--port");
    }

    @Test
    void badEnvironmentValueExitsTwoNamingTheVariable() {
        int status = run(Map.of("METERHUB_BATCH_DELAY", "soon"), "run");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("option --batch-delay")
                .contains("METERHUB_BATCH_DELAY")
                .contains("soon");
    }

    @Test
    void flagTakesPrecedenceOverABadEnvironmentValue() {
        // were the environment's port used, start-up would stop at --port, which is resolved before --max-body
        int status = run(Map.of("METERHUB_PORT", "abc"), "run", "--port=0", "--max-body=0");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("option --max-body").doesNotContain("--port");
    }

    @Test
    void environmentTakesPrecedenceOverABadFileValue() throws IOException {
        Path file = Files.write(dir.resolve("hub.properties"), List.of("port=abc"));

        int status = run(Map.of("METERHUB_PORT", "0", "METERHUB_MAX_BODY", "none"), "run", "--config=" + file);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("option --max-body")
                .contains("METERHUB_MAX_BODY")
                .doesNotContain("--port");
    }

    @Test
    void badFileValueExitsTwoNamingTheFile() throws IOException {
        Path file = Files.write(dir.resolve("hub.properties"), List.of("max-body=0"));

        int status = run("run", "--config=" + file);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("option --max-body").contains(file.toString());
    }

    @Test
    void unknownKeyInTheConfigurationFileExitsTwoNamingTheFileAndTheKey() throws IOException {
        Path file = Files.write(dir.resolve("hub.properties"), List.of("port=0", "prefetch_count=10"));

        int status = run("run", "--config", file.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(file.toString()).contains("prefetch_count");
    }

    @Test
    void missingConfigurationFileExitsTwoNamingIt() {
        Path missing = dir.resolve("missing.properties");

        int status = run("run", "--config=" + missing);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("--config")
                .contains(missing.toString())
                .contains("does not exist");
    }

    @Test
    void missingConfigurationFileFromTheEnvironmentExitsTwoNamingIt() {
        Path missing = dir.resolve("missing.properties");

        int status = run(Map.of("METERHUB_CONFIG", missing.toString()), "run");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(missing.toString()).contains("does not exist");
    }

    @Test
    void runHelpPrintsEveryOptionAndExitsZero() {
        int status = run("run", "--help");

        assertThat(status).isZero();
        String help = out.toString();
        for (HubOption<?> option : HubOptions.ALL) {
            assertThat(help).as("help for --%s", option.name()).contains("--" + option.name());
        }
        assertThat(help).contains("--" + HubOptions.CONFIG).contains("METERHUB_");
        assertThat(help).contains("(default: 20ms)").contains("(default: 2MiB)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void topLevelHelpNamesTheRunCommandAndExitsZero() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("run");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void noCommandPrintsUsageAndExitsTwo() {
        int status = run();

        assertThat(status).isEqualTo(2);
        assertThat(out.toString() + err.toString()).contains("run");
    }

    @Test
    void translateWritesSamplesAndEventsOfStdin() throws IOException {
        String line = Files.readAllLines(corpus()).get(0);
        int status = MeterhubMain.run(
                new String[] {"translate"},
                new java.io.ByteArrayInputStream(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                Map.of());

        assertThat(status).isZero();
        assertThat(out.toString().lines()).isNotEmpty().allMatch(l -> l.startsWith("{\"kind\":"));
        assertThat(out.toString()).contains("\"kind\":\"event\"");
        assertThat(err.toString()).contains("meterhub translate: 1 inputs");
    }

    @Test
    void translateWithABadMetersFileExitsTwoNamingTheFileTheEntryAndTheProblem() throws IOException {
        Path meters = Files.writeString(
                dir.resolve("meters.yaml"),
                "metric:\n  - name: m\n    event_type: x\n    type: gauge\n    unit: B\n    resource_id: $.a\n");
        int status = run("translate", "--meters=" + meters);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("--meters")
                .contains(meters.toString())
                .contains("metric[0] 'm'")
                .contains("Required fields ['volume'] not specified");
    }

    @Test
    void runWithAMissingEventsFileExitsTwoBeforeStartingAnything() {
        Path missing = dir.resolve("nope.yaml");
        int status = run("run", "--port=0", "--data=" + dir.resolve("data"), "--events=" + missing);

        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("--events")
                .contains(missing.toString())
                .contains("does not exist");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    private static Path corpus() {
        try {
            return Path.of(MeterhubMainTest.class
                    .getResource("/corpus/notifications.jsonl")
                    .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
