package io.meterhub.mediation.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Whether a python imports the Ceilometer code the oracle runs; asked once per python and remembered. */
record Probe(boolean ok, String output) {

    private static final String IMPORTS =
            "import ceilometer.meter.notifications, ceilometer.pipeline.event, oslo_messaging.notify.dispatcher";
    private static final Map<Path, Probe> KNOWN = new ConcurrentHashMap<>();

    static Probe importCeilometer(Path python) {
        return KNOWN.computeIfAbsent(python, Probe::ask);
    }

    private static Probe ask(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", IMPORTS)
                    .redirectErrorStream(true)
                    .start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe(false, "`" + IMPORTS + "` did not finish within 120 s");
            }
            return new Probe(p.exitValue() == 0, output);
        } catch (IOException e) {
            return new Probe(false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(false, "interrupted");
        }
    }
}
