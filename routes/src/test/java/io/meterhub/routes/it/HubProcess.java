package io.meterhub.routes.it;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub as its own operating-system process, started the way an operator starts it, so that tests can send it
 * SIGTERM or SIGKILL. Reads the endpoint lines it prints.
 */
final class HubProcess implements AutoCloseable {

    private static final Pattern STORE = Pattern.compile("meterhub store +(mongodb://\\S+)");
    private static final Pattern AMQP = Pattern.compile("meterhub amqp +(amqp://\\S+)");
    private static final Pattern HTTP = Pattern.compile("meterhub http +(http://\\S+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private HubProcess(Process process) {
        this.process = process;
        this.reader = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            output.add(line);
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "hub-process-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** A fresh log file for a hub process's stderr, kept under target/it-logs for reading after a failure. */
    static Path logFile(String name) throws IOException {
        Path dir = Path.of("target", "it-logs");
        java.nio.file.Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        java.nio.file.Files.deleteIfExists(log);
        return log;
    }

    /** {@code java -cp <this test's classpath> io.meterhub.routes.MeterhubMain run ARGS}. */
    static HubProcess java(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(), "-cp", System.getProperty("java.class.path"), "io.meterhub.routes.MeterhubMain", "run"));
        command.addAll(args);
        return start(new ProcessBuilder(command), log);
    }

    static HubProcess start(ProcessBuilder builder, Path log) throws IOException {
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new HubProcess(builder.start());
    }

    static HubProcess script(Path log, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command);
        b.environment().putAll(env);
        return start(b, log);
    }

    /** Waits for the line {@code meterhub ready}; fails with what the hub printed if it exits or takes too long. */
    HubProcess awaitReady(Duration timeout) {
        try {
            await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> output.contains("meterhub ready") || !process.isAlive());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the hub was not ready within " + timeout + ": " + output);
        }
        if (!output.contains("meterhub ready")) {
            throw new AssertionError("the hub exited with " + process.exitValue() + " before it was ready: " + output);
        }
        return this;
    }

    String storeUri() {
        return find(STORE);
    }

    String amqpUri() {
        return find(AMQP);
    }

    String httpUri() {
        return find(HTTP);
    }

    List<String> output() {
        return List.copyOf(output);
    }

    Process process() {
        return process;
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * SIGTERM, then the exit status. Sent with kill(1): {@link Process#destroy()} would also close the pipe the
     * test reads the hub's last lines from.
     */
    int terminate(Duration timeout) throws InterruptedException, IOException {
        new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid()))
                .start()
                .waitFor();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the hub did not stop within " + timeout + " of SIGTERM: " + output);
        }
        reader.join(10_000); // everything it printed until it exited
        return process.exitValue();
    }

    private String find(Pattern p) {
        for (String line : output) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("the hub printed no line matching " + p + ": " + output);
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
