package io.meterhub.bench;

import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Notification;
import io.meterhub.model.Translation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The translation engine on one thread over the corpus, round after round: notifications/s with the shipped
 * definitions, for the engine alone (already decoded notifications) and for decode + engine (bytes in, as the
 * ingest route does). Rates are per second of this thread's CPU time as well as of wall time, so a busy machine
 * shows in the gap between the two.
 *
 * <p>Usage: {@code TranslateBenchmark [SECONDS_PER_ROUND] [corpus.jsonl]}.
 */
public final class TranslateBenchmark {

    private TranslateBenchmark() {}

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        Path corpus = Path.of(args.length > 1 ? args[1] : "testdata/corpus/notifications.jsonl");
        EnvelopeDecoder decoder = new EnvelopeDecoder(2 * 1024 * 1024);
        NotificationTranslator engine = Translators.create(MediationSettings.defaults());
        List<byte[]> bodies = new ArrayList<>();
        List<Notification> decoded = new ArrayList<>();
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            byte[] body = line.getBytes(StandardCharsets.UTF_8);
            try {
                decoded.add(decoder.decode(body));
                bodies.add(body);
            } catch (RejectedMessageException e) {
                // the corpus's few unparseable timestamps: not what is measured here
            }
        }
        System.out.printf(
                Locale.ROOT,
                "corpus: %d notifications the decoder accepts, %.0f s per round%n",
                decoded.size(),
                seconds);
        for (int round = 1; round <= 3; round++) {
            measure(
                    "round " + round + " engine only  ",
                    seconds,
                    decoded.size(),
                    i -> engine.translate(decoded.get(i)));
            measure(
                    "round " + round + " decode+engine",
                    seconds,
                    bodies.size(),
                    i -> engine.translate(decoder.decode(bodies.get(i))));
        }
    }

    private interface Step {
        Translation apply(int i) throws RejectedMessageException;
    }

    private static void measure(String label, double seconds, int size, Step step) throws RejectedMessageException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seconds * 1e9);
        long count = 0;
        long samples = 0;
        long events = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < size; i++) {
                Translation t = step.apply(i);
                samples += t.samples().size();
                events += t.events().size();
            }
            count += size;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %,d notifications (%,d samples, %,d events) in %.1f s: %,.0f notifications/s wall, %,.0f per CPU-second%n",
                label,
                count,
                samples,
                events,
                wall,
                count / wall,
                count / cpu);
    }
}
