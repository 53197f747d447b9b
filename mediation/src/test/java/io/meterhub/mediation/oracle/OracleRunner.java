package io.meterhub.mediation.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs real Ceilometer 19 ({@code oracle/ceilometer_translate.py} under Debian's {@code /usr/bin/python3} with
 * {@code python3-ceilometer}) over notifications, in one python process, and returns its result lines in the
 * contract of {@code bin/meterhub translate}.
 *
 * <p>Immutable; {@link #ignoringPriority()} returns a copy.
 */
public final class OracleRunner {

    /** Debian's python, the one {@code python3-ceilometer} installs into. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = "/oracle/ceilometer_translate.py";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int STDERR_TAIL = 4000;

    private final Path python;
    private final Path meters;
    private final Path events;
    private final boolean ignorePriority;

    /**
     * @param meters a directory of meter definition files ({@code *.yaml}, as Ceilometer's
     *     {@code meter_definitions_dirs}) or a single meters.yaml file
     * @param events an event definitions file (Ceilometer's {@code event_definitions.yaml} shape)
     */
    public OracleRunner(Path meters, Path events) {
        this(PYTHON, meters, events, false);
    }

    OracleRunner(Path python, Path meters, Path events, boolean ignorePriority) {
        this.python = Objects.requireNonNull(python, "python");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.events = Objects.requireNonNull(events, "events");
        this.ignorePriority = ignorePriority;
    }

    /**
     * A runner that gives every notification to both of Ceilometer's endpoints whatever its priority. The agent
     * itself does not: oslo.messaging hands {@code info} and {@code sample} notifications to the meter endpoint and
     * {@code info} and {@code error} ones to the event endpoint and drops the rest. The corpus expectations in
     * {@code testdata/corpus} were made this way.
     */
    public OracleRunner ignoringPriority() {
        return new OracleRunner(python, meters, events, true);
    }

    /**
     * Translates {@code notifications} (oslo messages, bare or in a v2 envelope, one per element) with real
     * Ceilometer.
     *
     * @return the parsed result lines: samples, events and errors, in input order
     * @throws IllegalStateException when python, Ceilometer or a definition file is missing, or the script fails
     */
    public List<JsonNode> run(List<String> notifications) {
        requireCeilometer(python);
        requireDefinitions();
        Path work = tempDir();
        try {
            Path input = Files.write(work.resolve("notifications.jsonl"), notifications, StandardCharsets.UTF_8);
            Path output = work.resolve("results.jsonl");
            Path stderr = work.resolve("stderr.txt");
            runScript(script(work), metersDir(work), input, output, stderr);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add(OracleJson.parse(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(work);
        }
    }

    /**
     * Fails with a message saying what to install unless {@code python} exists and imports Ceilometer's meter and
     * event code.
     */
    static void requireCeilometer(Path python) {
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException("the Ceilometer oracle needs Debian's " + python
                    + ", which does not exist here (as root: apt-get install -y python3-ceilometer)");
        }
        Probe probe = Probe.importCeilometer(python);
        if (!probe.ok()) {
            throw new IllegalStateException("the Ceilometer oracle needs Debian's python3-ceilometer, but " + python
                    + " cannot import it (as root: apt-get install -y python3-ceilometer): " + probe.output());
        }
    }

    private void requireDefinitions() {
        if (!Files.exists(meters)) {
            throw new IllegalStateException("no meter definitions at " + meters);
        }
        if (!Files.isRegularFile(events)) {
            throw new IllegalStateException("no event definitions file at " + events);
        }
    }

    private void runScript(Path script, Path metersDir, Path input, Path output, Path stderr) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                python.toString(),
                script.toString(),
                "--meters",
                metersDir.toString(),
                "--events",
                events.toAbsolutePath().toString()));
        if (ignorePriority) {
            command.add("--ignore-priority");
        }
        Process p = new ProcessBuilder(command)
                .redirectInput(input.toFile())
                .redirectOutput(output.toFile())
                .redirectError(stderr.toFile())
                .start();
        try {
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(
                        "Ceilometer oracle did not finish within " + TIMEOUT + "; stderr: " + tail(stderr));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Ceilometer oracle", e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(
                    "Ceilometer oracle " + command + " exited with " + p.exitValue() + "; stderr: " + tail(stderr));
        }
    }

    /** Ceilometer reads every {@code *.yaml} of a directory: a single file gets a directory of its own. */
    private Path metersDir(Path work) throws IOException {
        if (Files.isDirectory(meters)) {
            return meters.toAbsolutePath();
        }
        Path dir = Files.createDirectory(work.resolve("meters.d"));
        String name = meters.getFileName().toString();
        Files.copy(meters, dir.resolve(name.endsWith(".yaml") ? name : name + ".yaml"));
        return dir;
    }

    private static Path script(Path work) throws IOException {
        Path script = work.resolve("ceilometer_translate.py");
        try (InputStream in = OracleRunner.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the test classpath");
            }
            Files.copy(in, script);
        }
        return script;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("ceilometer-oracle");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= STDERR_TAIL ? text : "…" + text.substring(text.length() - STDERR_TAIL);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
