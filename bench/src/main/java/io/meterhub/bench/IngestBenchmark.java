package io.meterhub.bench;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.meterhub.routes.Hub;
import io.meterhub.routes.HubNames;
import io.meterhub.routes.RabbitUris;
import io.meterhub.routes.config.ConfigException;
import io.meterhub.routes.config.HubConfig;
import io.meterhub.routes.config.HubOptions;
import io.meterhub.store.StoreNames;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * End-to-end ingest throughput: publishes N real notifications (fresh message ids, oslo v2 envelopes) to a topic
 * exchange feeding two durable queues, measures the raw consume rate of one, then starts the hub on the other and
 * measures notifications/s until all are durably stored. Figures go to standard output, everything else to standard
 * error. Nothing is asserted: see bench/README.md for how to read the figures.
 */
public final class IngestBenchmark {

    private final BenchSettings settings;
    private final Report report = new Report();

    private IngestBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")
                || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(BenchSettings.usage());
            return;
        }
        int status;
        try {
            new IngestBenchmark(BenchSettings.parse(args)).run();
            status = 0;
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("bench: " + e.getMessage());
            status = 2;
        } catch (Exception e) {
            System.err.println("bench: FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        // the hub's client libraries may leave non-daemon threads behind
        System.exit(status);
    }

    private void run() throws Exception {
        int n = settings.n();
        Corpus corpus = Corpus.load(settings.corpus());
        String runId = UUID.randomUUID().toString().substring(0, 8);
        BenchTopology topology = new BenchTopology(runId);
        boolean tempData = settings.data().isEmpty();
        Path data = settings.data().orElse(Files.createTempDirectory("meterhub-bench-"));
        MemoryStore memory = settings.store().equals("memory") ? MemoryStore.start() : null;
        String storeUri = memory != null ? memory.uri() : settings.store().equals("h2") ? null : settings.store();
        HubConfig config = hubConfig(topology, data, storeUri);

        report.line(
                "run",
                runId + "  N=" + n + "  warm-up " + settings.warmup() + "  corpus " + corpus.size()
                        + " notifications, mean envelope " + corpus.meanBytes() + " bytes");
        report.line(
                "hub options",
                "batch-size=" + config.get(HubOptions.BATCH_SIZE)
                        + " batch-delay=" + config.get(HubOptions.BATCH_DELAY).toMillis() + "ms"
                        + " prefetch=" + config.get(HubOptions.PREFETCH) + " consumers="
                        + config.get(HubOptions.CONSUMERS)
                        + "  store: "
                        + (memory != null
                                ? "mongo-java-server memory backend (not durable)"
                                : storeUri != null ? storeUri : "embedded (H2 file) in " + data));

        var os = ManagementFactory.getOperatingSystemMXBean();
        report.line(
                "machine",
                os.getAvailableProcessors() + " cores, load average "
                        + String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage())
                        + " at start (other work skews the figures)");

        AtomicReference<Hub> hub = new AtomicReference<>();
        try (Connection connection = connectionFactory().newConnection("meterhub-bench")) {
            if (settings.warmup() > 0) {
                warmUp(connection, corpus, runId, storeUri);
            }
            topology.declare(connection);
            try {
                measure(connection, topology, corpus, config, hub);
            } finally {
                closeHub(hub.getAndSet(null));
                topology.delete(connection);
                if (tempData) {
                    deleteTree(data);
                }
                if (memory != null) {
                    memory.close();
                }
            }
        }
    }

    private void measure(
            Connection connection, BenchTopology topology, Corpus corpus, HubConfig config, AtomicReference<Hub> hubRef)
            throws Exception {
        long hubDepth = publish(connection, topology, corpus);
        Measurement raw = rawConsume(connection, topology);
        report.line("e2e queue", hubDepth + " messages ready in " + topology.hubQueue() + " before the hub starts");
        Measurement fresh = endToEnd(topology, config, hubRef);
        ratio("ratio", fresh, raw, settings.warmup() > 0 ? "a new hub, after the warm-up hub" : "a new hub, cold JVM");
        List<Measurement[]> refills = new ArrayList<>();
        for (int i = 1; i <= settings.refills(); i++) {
            refills.add(refill(connection, topology, corpus, config, hubRef.get(), i));
        }
        closeHub(connection, topology, hubRef);
        for (int i = 0; i < refills.size(); i++) {
            ratio("ratio", refills.get(i)[1], refills.get(i)[0], "the same hub, running, refill " + (i + 1));
        }
    }

    private void ratio(String label, Measurement e2e, Measurement raw, String which) {
        double rate = e2e.rate();
        double ceilometer = settings.ceilometerRate().orElse(Report.CEILOMETER_RATE);
        String source = settings.ceilometerRate().isPresent() ? "/s measured" : "/s DESIGN.md";
        report.line(
                label,
                "end to end / raw consume " + Report.times(rate / raw.rate())
                        + "   end to end / Ceilometer 19 (" + Report.round(ceilometer) + source + ") "
                        + Report.times(rate / ceilometer) + "   target >10x: "
                        + (rate > 10 * ceilometer ? "met" : "NOT met") + "  (" + which + ")");
    }

    /**
     * d. The measured hub again, now that it runs warm: its RabbitMQ consumers are suspended, both queues are filled
     * again with N, the raw queue is consumed again, and the hub's consumers resume. A hub in service runs like this;
     * the new hub of step c still pays for the JIT recompiling the pipeline (the warm-up hub's shutdown made
     * compiled methods not entrant). Returns the raw and the end-to-end rate.
     */
    private Measurement[] refill(
            Connection connection, BenchTopology topology, Corpus corpus, HubConfig config, Hub hub, int round)
            throws Exception {
        Thread.sleep(1000); // the acknowledgements of the last batch go out after it is durable
        hub.camelContext().getRouteController().suspendRoute(HubNames.RABBITMQ_ROUTE);
        long left = BenchTopology.depth(connection, topology.hubQueue());
        long hubDepth = publish(connection, topology, corpus, settings.n(), "refill " + round + " pub", left);
        Measurement raw = rawConsume(connection, topology);
        report.line(
                "refill queue",
                hubDepth + " messages ready in " + topology.hubQueue() + " (" + left
                        + " of them left unacknowledged before) while the hub's consumers are suspended");
        CpuProfile cpu = new CpuProfile();
        cpu.start();
        EndToEnd.Result e2e = new EndToEnd(config, settings.timeout(), settings.stall())
                .resume(hub, (int) hubDepth, () -> {
                    try {
                        hub.camelContext().getRouteController().resumeRoute(HubNames.RABBITMQ_ROUTE);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot resume the hub's consumers: " + e, e);
                    }
                });
        String cpuUse = cpu.stop(6);
        report.seconds("resume", e2e.startNanos(), "the hub's consumers resuming");
        report.rate(
                "warm hub e2e",
                e2e.total(),
                "notif",
                "refill " + round + ": same hub, running, store not empty, from resume");
        report.line("e2e by tenth", tenths(e2e));
        report.line("e2e cpu", cpuUse);
        return new Measurement[] {raw, e2e.total()};
    }

    /**
     * A first hub in this JVM takes {@code warmup} notifications from its own queue into its own fresh store, and is
     * closed; then the JIT has compiled the pipeline and the measured hub (a new one, on an empty store) shows the
     * rate a running hub keeps rather than a JVM's first seconds. Its own rate is reported as the cold-JVM figure.
     */
    private void warmUp(Connection connection, Corpus corpus, String runId, String storeUri) throws Exception {
        int w = settings.warmup();
        BenchTopology topology = new BenchTopology(runId + "-warmup");
        Path data = Files.createTempDirectory("meterhub-bench-warmup-");
        AtomicReference<Hub> hub = new AtomicReference<>();
        topology.declare(connection);
        try {
            publish(connection, topology, corpus, w, "warm-up pub");
            HubConfig config = hubConfig(topology, data, storeUri);
            EndToEnd.Result e2e = new EndToEnd(config, settings.timeout(), settings.stall()).run(w, hub::set);
            report.rate("warm-up e2e", e2e.total(), "notif", "cold JVM, first hub, from just before Hub.start");
        } finally {
            closeHub(hub.getAndSet(null));
            topology.delete(connection);
            deleteTree(data);
        }
    }

    /** a. Fills both queues; returns how many messages the hub's queue holds. */
    private long publish(Connection connection, BenchTopology topology, Corpus corpus) throws Exception {
        return publish(connection, topology, corpus, settings.n(), "publish");
    }

    private long publish(Connection connection, BenchTopology topology, Corpus corpus, int n, String label)
            throws Exception {
        return publish(connection, topology, corpus, n, label, 0);
    }

    /** Publishes n, expecting the hub's queue to hold {@code alreadyInHubQueue} more afterwards. */
    private long publish(
            Connection connection, BenchTopology topology, Corpus corpus, int n, String label, long alreadyInHubQueue)
            throws Exception {
        Publisher.Result published = new Publisher()
                .publish(
                        connection,
                        topology.exchange(),
                        corpus,
                        n,
                        settings.timeout().toSeconds());
        report.rate(
                label, published.measurement(), "msg", "persistent, async confirms, " + published.nacked() + " nacked");
        long rawDepth = BenchTopology.depth(connection, topology.rawQueue());
        long hubDepth = BenchTopology.depth(connection, topology.hubQueue());
        if (published.nacked() > 0 || rawDepth != n || hubDepth != n + alreadyInHubQueue) {
            System.err.printf(
                    "bench: WARNING after publishing %d: %d nacked, raw queue holds %d, hub queue %d%n",
                    n, published.nacked(), rawDepth, hubDepth);
        }
        return hubDepth;
    }

    /** b. The broker's ceiling. */
    private Measurement rawConsume(Connection connection, BenchTopology topology) throws Exception {
        RawConsumer raw = new RawConsumer(settings.prefetch(), settings.ackEvery());
        MachineCpu.Reading before = MachineCpu.read();
        Measurement rate = raw.consume(
                connection,
                topology.rawQueue(),
                settings.n(),
                settings.timeout().toSeconds());
        double broker = MachineCpu.read().brokerSince(before);
        report.rate(
                "raw consume",
                rate,
                "msg",
                raw.describe() + String.format(Locale.ROOT, "; RabbitMQ %.1f CPU-s", broker));
        return rate;
    }

    /** c. The hub, from start to all stored; returns the rate from Hub.start returning. */
    private Measurement endToEnd(BenchTopology topology, HubConfig config, AtomicReference<Hub> hubRef)
            throws Exception {
        CpuProfile cpu = new CpuProfile();
        cpu.start();
        EndToEnd.Result e2e = new EndToEnd(config, settings.timeout(), settings.stall()).run(settings.n(), hubRef::set);
        String cpuUse = cpu.stop(6);
        report.seconds("hub start", e2e.startNanos(), e2e.storedAtStart() + " already stored when Hub.start returned");
        report.rate("end to end", e2e.total(), "notif", "from just before Hub.start");
        report.rate("end to end", e2e.afterStart(), "notif", "from Hub.start returning");
        report.line("e2e by tenth", tenths(e2e) + " (first tenth includes hub start)");
        report.line("e2e cpu", cpuUse);
        reportStore(e2e.hub());
        return e2e.afterStart();
    }

    private static String tenths(EndToEnd.Result e2e) {
        StringJoiner tenths = new StringJoiner(" ");
        for (double r : e2e.tenthRates()) {
            tenths.add(Report.round(r));
        }
        return tenths + "  notif/s";
    }

    /** Closes the measured hub and reports what it left in its queues. */
    private void closeHub(Connection connection, BenchTopology topology, AtomicReference<Hub> hubRef)
            throws IOException {
        Hub hub = hubRef.getAndSet(null);
        long closeStart = System.nanoTime();
        closeHub(hub);
        report.seconds(
                "hub close",
                System.nanoTime() - closeStart,
                BenchTopology.depth(connection, topology.hubQueue()) + " messages left in the hub queue afterwards");
        long dead = hub.writer().deadLettersStored();
        if (dead > 0) {
            report.line(
                    "dead letters",
                    dead + " stored; " + BenchTopology.depth(connection, topology.deadQueue())
                            + " in the run's dead-letter queue " + topology.deadQueue() + " (deleted with the run)");
        }
    }

    private void reportStore(Hub hub) {
        var writer = hub.writer();
        report.line(
                "writer",
                writer.notificationsStored() + " notifications, " + writer.deadLettersStored()
                        + " dead letters, " + writer.batchesWritten() + " batches (mean "
                        + (writer.batchesWritten() == 0 ? 0 : EndToEnd.done(writer) / writer.batchesWritten())
                        + "), " + writer.duplicateDocuments() + " duplicate docs, " + writer.failedWrites()
                        + " failed writes; writing " + String.format(Locale.ROOT, "%.1f", writer.busyNanos() / 1e9)
                        + " s of the run (the rest waiting for notifications)");
        long countStart = System.nanoTime();
        Map<String, Long> docs = EndToEnd.documents(hub);
        long countNanos = System.nanoTime() - countStart;
        long samples = docs.get(StoreNames.SAMPLES);
        long events = docs.get(StoreNames.EVENTS);
        report.line(
                "store",
                String.format(
                        Locale.ROOT,
                        "samples %d  events %d  resources %d  dead_letters %d  (%.2f documents/notification; "
                                + "counted in %.1f s)",
                        samples,
                        events,
                        docs.get(StoreNames.RESOURCES),
                        docs.get(StoreNames.DEAD_LETTERS),
                        (samples + events) / (double) settings.n(),
                        countNanos / 1e9));
    }

    private HubConfig hubConfig(BenchTopology topology, Path data, String storeUri) {
        Map<String, String> options = new HashMap<>(settings.hubOverrides());
        if (storeUri != null) {
            options.put("store", storeUri);
        }
        options.put("rabbitmq", settings.rabbitmq());
        options.put("data", data.toString());
        options.put("port", "0");
        options.put("store-port", "0");
        options.put("amqp-port", "0");
        options.put("exchanges", topology.exchange());
        options.put("queue", topology.hubQueue());
        options.put("dead-queue", topology.deadQueue());
        return HubConfig.of(options);
    }

    private ConnectionFactory connectionFactory() {
        return RabbitUris.connectionFactory(URI.create(settings.rabbitmq()));
    }

    private static void closeHub(Hub hub) {
        if (hub != null) {
            hub.close();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    System.err.println("bench: cleanup: cannot delete " + p + ": " + e);
                }
            });
        } catch (IOException e) {
            System.err.println("bench: cleanup: cannot delete " + dir + ": " + e);
        }
    }
}
