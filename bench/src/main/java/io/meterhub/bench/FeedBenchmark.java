package io.meterhub.bench;

import io.meterhub.feeds.FeedSettings;
import io.meterhub.mediation.EnvelopeDecoder;
import io.meterhub.mediation.MediationSettings;
import io.meterhub.mediation.NotificationTranslator;
import io.meterhub.mediation.RejectedMessageException;
import io.meterhub.mediation.Translators;
import io.meterhub.model.Event;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.routes.Hub;
import io.meterhub.routes.config.HubConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Feed page latency at a million entries: fills an embedded store with N feed entries of real notifications (or
 * reuses one filled before), starts the hub on it and times sequential HTTP requests for feed pages — the head and
 * pages at random markers, without a category and with dense, rare and combined categories — reporting p50, p90,
 * p99 and max per kind. Figures go to standard output, progress to standard error; nothing is asserted.
 *
 * <p>Usage: {@code FeedBenchmark [--n=1000000] [--data=DIR] [--requests=500] [--corpus=FILE]}. A {@code --data}
 * directory is kept, and a later run with the same one measures again without filling.
 */
public final class FeedBenchmark {

    private static final String ADMIN = "bench-admin";
    private static final String PROJECT_TOKEN = "bench-project";
    private static final int WARM_UP = 50;

    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private FeedBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                System.err.println("usage: FeedBenchmark [--n=1000000] [--data=DIR] [--requests=500] [--corpus=FILE]");
                System.exit(2);
            }
            a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        long n = Long.parseLong(a.getOrDefault("n", "1000000"));
        int requests = Integer.parseInt(a.getOrDefault("requests", "500"));
        Path corpusFile = Path.of(a.getOrDefault("corpus", "testdata/corpus/notifications.jsonl"));
        Optional<Path> data =
                Optional.ofNullable(a.get("data")).map(p -> Path.of(p).toAbsolutePath());
        Path dir = data.orElse(Files.createTempDirectory("meterhub-feed-bench-"));
        try {
            new FeedBenchmark().run(dir, Corpus.load(corpusFile), n, requests);
        } finally {
            if (data.isEmpty()) {
                IngestBenchmark.deleteTree(dir);
            }
        }
        System.exit(0);
    }

    private void run(Path dir, Corpus corpus, long n, int requests) throws Exception {
        report.line(
                "machine",
                Runtime.getRuntime().availableProcessors() + " cores, load average "
                        + String.format(
                                Locale.ROOT,
                                "%.2f",
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                        .getSystemLoadAverage())
                        + " at start");
        FeedSettings settings = new FeedSettings(Optional.of("RegionOne"), List.of());
        FeedFill.Result fill = FeedFill.fill(dir.resolve("store"), corpus, settings, n);
        report.line(
                "entries",
                fill.entries() + " in the store (" + fill.added() + " added now"
                        + (fill.added() == 0
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        ", %.0f entries/s, %d postings documents",
                                        fill.measurement().rate(),
                                        fill.postingsDocuments()))
                        + ")");

        Categories c = Categories.of(corpus);
        report.line(
                "categories",
                "dense '" + c.dense + "' (" + c.denseShare + "), rare '" + c.rare + "' (" + c.rareShare + "), project "
                        + c.project + ", meter " + c.meter);
        Path tokens = Files.write(dir.resolve("bench-tokens"), List.of(PROJECT_TOKEN + " " + c.project + " member"));
        Map<String, String> options = new HashMap<>();
        options.put("data", dir.toString());
        options.put("port", "0");
        options.put("store-port", "0");
        options.put("amqp-port", "0");
        options.put("admin-token", ADMIN);
        options.put("tokens", tokens.toString());
        options.put("feeds-region", "RegionOne");
        try (Hub hub = Hub.start(HubConfig.of(options))) {
            String base = "http://127.0.0.1:" + hub.httpPort();
            long entries = fill.entries();
            SplittableRandom random = new SplittableRandom(42);
            Function<String, String> at =
                    path -> path + (path.contains("?") ? "&" : "?") + "marker=" + (1 + random.nextLong(entries));
            String and = "search="
                    + URLEncoder.encode(
                            "(AND(cat=" + c.dense + ")(cat=tid:" + c.project + "))", StandardCharsets.UTF_8);
            List<LatencyScenario> scenarios = List.of(
                    new LatencyScenario("head, no category", i -> "/feeds/notifications", ADMIN),
                    new LatencyScenario("random page, no category", i -> at.apply("/feeds/notifications"), ADMIN),
                    new LatencyScenario(
                            "random page forward, no category",
                            i -> at.apply("/feeds/notifications?direction=forward"),
                            ADMIN),
                    new LatencyScenario("head, dense category", i -> "/feeds/notifications/" + c.dense, ADMIN),
                    new LatencyScenario(
                            "random page, dense category", i -> at.apply("/feeds/notifications/" + c.dense), ADMIN),
                    new LatencyScenario(
                            "random page, rare category", i -> at.apply("/feeds/notifications/" + c.rare), ADMIN),
                    new LatencyScenario(
                            "random page, AND(dense, project)", i -> at.apply("/feeds/notifications?" + and), ADMIN),
                    new LatencyScenario("random page, meter feed", i -> at.apply("/feeds/meters/" + c.meter), ADMIN),
                    new LatencyScenario("head, project token", i -> "/feeds/notifications", PROJECT_TOKEN));
            for (LatencyScenario s : scenarios) {
                report.line("latency", String.format(Locale.ROOT, "%-34s %s", s.name(), time(base, s, requests)));
            }
        }
    }

    private String time(String base, LatencyScenario s, int requests) throws Exception {
        Latencies latencies = new Latencies(requests);
        long entriesSeen = 0;
        for (int i = 0; i < WARM_UP + requests; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + s.request().apply(i)))
                    .header("X-Auth-Token", s.token())
                    .timeout(Duration.ofSeconds(60))
                    .build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            if (i >= WARM_UP) {
                latencies.add(nanos);
                entriesSeen += count(r.body(), "<entry>");
            }
        }
        return latencies.summary()
                + String.format(Locale.ROOT, "  (%.1f entries/page)", (double) entriesSeen / requests);
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** Categories of the corpus as the feeds see them, chosen for the scenarios. */
    private record Categories(
            String dense, String denseShare, String rare, String rareShare, String project, String meter) {

        static Categories of(Corpus corpus) {
            EnvelopeDecoder decoder = new EnvelopeDecoder(Integer.MAX_VALUE - 8);
            NotificationTranslator translator = Translators.create(MediationSettings.defaults());
            Map<String, Integer> types = new HashMap<>();
            Map<String, Integer> projects = new HashMap<>();
            Map<String, Integer> meters = new HashMap<>();
            int stored = 0;
            for (int i = 0; i < corpus.size(); i++) {
                Translation t;
                try {
                    t = translator.translate(decoder.decode(corpus.message(i).body()));
                } catch (RejectedMessageException e) {
                    continue;
                }
                stored++;
                types.merge(t.source().eventType(), 1, Integer::sum);
                LinkedHashSet<String> owners = new LinkedHashSet<>();
                t.events().stream()
                        .map(Event::traits)
                        .flatMap(List::stream)
                        .filter(tr -> tr.name().equals("project_id") && tr.value() instanceof String)
                        .forEach(tr -> owners.add((String) tr.value()));
                t.samples().stream()
                        .map(Sample::projectId)
                        .filter(p -> p != null)
                        .forEach(owners::add);
                if (owners.size() == 1) {
                    projects.merge(owners.iterator().next(), 1, Integer::sum);
                }
                t.samples().stream().map(Sample::name).distinct().forEach(m -> meters.merge(m, 1, Integer::sum));
            }
            String dense = max(types);
            String rare = types.entrySet().stream()
                    .filter(e -> e.getValue() == 1)
                    .map(Map.Entry::getKey)
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            return new Categories(
                    dense,
                    "1 in " + stored / types.get(dense) + " entries",
                    rare,
                    "1 in " + stored + " entries",
                    max(projects),
                    max(meters));
        }

        private static String max(Map<String, Integer> counts) {
            return new ArrayList<>(counts.entrySet())
                    .stream()
                            .max(Map.Entry.<String, Integer>comparingByValue()
                                    .thenComparing(Map.Entry.comparingByKey()))
                            .orElseThrow()
                            .getKey();
        }
    }
}
