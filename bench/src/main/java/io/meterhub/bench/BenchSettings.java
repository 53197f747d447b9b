package io.meterhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the ingest benchmark runs with. Each setting comes from {@code --name=value} on the command line, else the
 * system property {@code bench.name}, else its default. Any other {@code --option=value} is passed to the hub as a
 * {@link io.meterhub.routes.config.HubConfig} override (e.g. {@code --batch-size=1000}).
 *
 * @param n notifications to publish and to wait for
 * @param warmup notifications a first hub takes in the same JVM before the measured one starts (its own queue and
 *     data directory, deleted afterwards), so that the measured run is not mostly JIT compilation; 0 = none
 * @param refills how many times the measured hub, once it has drained its queue, is measured again on a refilled one
 *     (its consumers suspended meanwhile): the figures of a running hub, converging as its JIT finishes; 0 = none
 * @param data the hub's data directory; empty means a fresh temporary directory, deleted afterwards
 * @param rabbitmq the RabbitMQ URI, used both by the benchmark's own clients and the hub
 * @param corpus the JSON-lines file of oslo inner messages to cycle through
 * @param ackEvery raw consumer: acknowledge every message (1) or every n-th with multiple=true
 * @param prefetch raw consumer: basicQos
 * @param timeout longest wait for the hub to store all notifications
 * @param stall give up when the hub stores nothing for this long
 * @param ceilometerRate the notifications/s real Ceilometer 19's notification agent does, the ratio's reference:
 *     {@link Report#CEILOMETER_RATE} (DESIGN.md's figure for these machines) unless measured in the same run
 *     ({@code run-anchor.sh} measures it on the same input and passes it)
 * @param store {@code h2} (the hub's embedded store), {@code memory} (mongo-java-server's memory backend in this
 *     JVM: the pipeline's own ceiling, nothing durable) or a {@code mongodb://} URI of a real MongoDB
 * @param hubOverrides further hub options
 */
public record BenchSettings(
        int n,
        int warmup,
        int refills,
        Optional<Path> data,
        String rabbitmq,
        Path corpus,
        int ackEvery,
        int prefetch,
        Duration timeout,
        Duration stall,
        Optional<Double> ceilometerRate,
        String store,
        Map<String, String> hubOverrides) {

    private static final Set<String> OWN = Set.of(
            "n",
            "warmup",
            "refills",
            "data",
            "rabbitmq",
            "corpus",
            "ack-every",
            "prefetch-raw",
            "timeout",
            "stall",
            "ceilometer-rate",
            "store");
    /** Hub options the benchmark sets itself, per run. */
    private static final Set<String> RESERVED =
            Set.of("port", "store-port", "amqp-port", "exchanges", "queue", "dead-queue", "topics");

    public static BenchSettings parse(String[] args) {
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> hub = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new IllegalArgumentException(usage());
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + usage());
            }
            String key = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException("--" + key + " is set by the benchmark itself");
            }
            (OWN.contains(key) ? own : hub).put(key, value);
        }
        int n = Integer.parseInt(get(own, "n", "50000"));
        if (n < 1) {
            throw new IllegalArgumentException("--n must be at least 1");
        }
        int warmup = Integer.parseInt(get(own, "warmup", "50000"));
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more");
        }
        int refills = Integer.parseInt(get(own, "refills", "1"));
        if (refills < 0) {
            throw new IllegalArgumentException("--refills must be 0 or more");
        }
        String data = get(own, "data", "");
        int ackEvery = Integer.parseInt(get(own, "ack-every", "100"));
        if (ackEvery < 1) {
            throw new IllegalArgumentException("--ack-every must be at least 1");
        }
        return new BenchSettings(
                n,
                warmup,
                refills,
                data.isEmpty() ? Optional.empty() : Optional.of(Path.of(data).toAbsolutePath()),
                get(own, "rabbitmq", "amqp://guest:guest@127.0.0.1:5672/"),
                Path.of(get(own, "corpus", "testdata/corpus/notifications.jsonl"))
                        .toAbsolutePath(),
                ackEvery,
                Integer.parseInt(get(own, "prefetch-raw", "2000")),
                Duration.ofSeconds(Long.parseLong(get(own, "timeout", "900"))),
                Duration.ofSeconds(Long.parseLong(get(own, "stall", "120"))),
                rate(get(own, "ceilometer-rate", "")),
                store(get(own, "store", "h2")),
                Map.copyOf(hub));
    }

    private static Optional<Double> rate(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        double rate;
        try {
            rate = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            rate = Double.NaN;
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(
                    "--ceilometer-rate must be notifications/s above 0, not '" + value + "'");
        }
        return Optional.of(rate);
    }

    private static String store(String value) {
        if (value.equals("h2") || value.equals("memory") || value.startsWith("mongodb://")) {
            return value;
        }
        throw new IllegalArgumentException("--store must be h2, memory or a mongodb:// URI, not '" + value + "'");
    }

    private static String get(Map<String, String> args, String key, String fallback) {
        return args.getOrDefault(key, System.getProperty("bench." + key, fallback));
    }

    static String usage() {
        return """
                usage: IngestBenchmark [--n=50000] [--warmup=50000] [--refills=1] [--data=DIR] [--rabbitmq=amqp://guest:guest@127.0.0.1:5672/]
                                       [--corpus=FILE] [--ack-every=100] [--prefetch-raw=2000]
                                       [--timeout=SECONDS] [--stall=SECONDS] [--store=h2|memory|mongodb://...]
                                       [--ceilometer-rate=NOTIFS_PER_S]
                                       [--HUB-OPTION=VALUE ...]
                  each setting may also be given as the system property bench.NAME;
                  other options go to the hub, e.g. --batch-size=1000 --batch-delay=20ms --consumers=2""";
    }
}
