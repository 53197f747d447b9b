package io.meterhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import io.meterhub.store.DocumentMapper;
import io.meterhub.store.EmbeddedStore;
import io.meterhub.store.StoreNames;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.RawStatistics;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.rollup.RollupFold;
import io.meterhub.store.rollup.RollupInput;
import io.meterhub.store.rollup.RollupStatistics;
import io.meterhub.store.rollup.Rollups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;

/**
 * Statistics over millions of samples: the rollups answer a query reading a number of documents set by the query's
 * time range (one per day, or one in all), not by the number of samples, while raw statistics examine every stored
 * sample (the embedded store has no secondary index). For each size, a fresh H2 file store receives the rollups of
 * {@link SyntheticUsage} samples — folded one simulated day at a time by {@link RollupFold} and written by
 * {@link Rollups}, the code the ingest path uses, so the store holds what ingesting them would leave — and, up to
 * {@code --raw-up-to}, the raw sample documents themselves; then the same queries run against both. First, what
 * rollups cost at ingest: documents written per notification through the real {@code IngestRepository}.
 *
 * <p>Usage: {@code StatisticsBenchmark [--sizes=100000,1000000,10000000] [--raw-up-to=100000] [--raw-statistics-up-to=100000] [--days=30]
 * [--runs=5] [--corpus=FILE] [--ingest-cost=true]}; prints figures, asserts nothing.
 */
public final class StatisticsBenchmark {

    private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    private static final int RAW_BATCH = 1_000;

    private record Query(String name, StatisticsQuery q) {}

    private record Timing(double medianMillis, long documentsRead, long keysAsked, List<Statistics> result) {}

    private StatisticsBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        List<Long> sizes = Arrays.stream(
                        o.getOrDefault("sizes", "100000,1000000,10000000").split(","))
                .map(String::trim)
                .map(Long::parseLong)
                .toList();
        long rawUpTo = Long.parseLong(o.getOrDefault("raw-up-to", "100000"));
        long rawStatisticsUpTo = Long.parseLong(o.getOrDefault("raw-statistics-up-to", "100000"));
        int days = Integer.parseInt(o.getOrDefault("days", "30"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "5"));
        Report report = new Report();
        report.line(
                "machine",
                String.format(
                        Locale.ROOT,
                        "%d cores, load average %.2f at start (other work skews the figures)",
                        Runtime.getRuntime().availableProcessors(),
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage()));
        if (Boolean.parseBoolean(o.getOrDefault("ingest-cost", "true"))) {
            Path corpus = Path.of(o.getOrDefault("corpus", "testdata/corpus/notifications.jsonl"));
            IngestCost.measure(report, "corpus notifications", StoreBenchmark.translate(corpus, 5_000), 500);
            IngestCost.measure(report, "polling, 1 sample each", polling(10_000), 500);
        }
        Map<Long, Map<String, Long>> docsBySize = new LinkedHashMap<>();
        for (long size : sizes) {
            docsBySize.put(
                    size,
                    run(
                            report,
                            SyntheticUsage.ofSize(size, days, START),
                            size <= rawUpTo,
                            size <= rawUpTo && size <= rawStatisticsUpTo,
                            runs));
        }
        report.line("summary", "rollup documents read per query, by number of samples:");
        docsBySize.forEach(
                (size, docs) -> report.line("", String.format(Locale.ROOT, "  %,12d samples: %s", size, docs)));
    }

    /** One notification per sample, as a polling agent's samples arrive (instances in turn, 10 minutes apart). */
    private static List<Translation> polling(int n) {
        SyntheticUsage usage = new SyntheticUsage(500, 1, START.minus(Duration.ofDays(400)));
        List<Sample> samples = new ArrayList<>(usage.day(0));
        samples.sort(Comparator.comparing(Sample::timestamp));
        return samples.subList(0, n).stream()
                .map(s -> new Translation(
                        new Notification(
                                "n-" + s.messageId(),
                                "bench",
                                "telemetry.polling",
                                "SAMPLE",
                                s.timestamp(),
                                Json.mapper().createObjectNode(),
                                Json.mapper().createObjectNode(),
                                Json.mapper().createObjectNode()),
                        List.of(s),
                        List.of()))
                .toList();
    }

    private static Map<String, Long> run(
            Report report, SyntheticUsage usage, boolean withRaw, boolean timeRaw, int runs) throws Exception {
        Path dir = Files.createTempDirectory("meterhub-statistics-bench-");
        try (EmbeddedStore store = EmbeddedStore.start(dir, 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
            report.line(
                    "samples",
                    String.format(
                            Locale.ROOT,
                            "%,d = %d instances x %d a day x %d days of %s (20 projects, 100 users)",
                            usage.size(),
                            usage.resources(),
                            SyntheticUsage.PER_DAY,
                            usage.days(),
                            SyntheticUsage.METER));
            writeRollups(report, store, db, usage);
            if (withRaw) {
                writeRaw(report, store, db, usage);
            } else {
                report.line(
                        "raw samples",
                        "not stored: the H2 store takes ~1-7k documents/s, and raw statistics would examine every one");
            }
            return query(report, db, usage, timeRaw, runs);
        } finally {
            IngestBenchmark.deleteTree(dir);
        }
    }

    private static void writeRollups(Report report, EmbeddedStore store, MongoDatabase db, SyntheticUsage usage) {
        Rollups rollups = new Rollups(db);
        rollups.recover();
        long t0 = System.nanoTime();
        long upserts = 0;
        for (int d = 0; d < usage.days(); d++) {
            RollupFold fold = new RollupFold();
            usage.day(d).forEach(s -> fold.add(RollupInput.of(s)));
            upserts += rollups.apply(rollups.begin(List.of()), fold);
            store.barrier().sync();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long stored = db.getCollection(StoreNames.ROLLUPS).countDocuments();
        report.line(
                "rollups",
                String.format(
                        Locale.ROOT,
                        "%,d documents stored (%,d upserts, one fold per simulated day) in %.1f s, incl. generating",
                        stored,
                        upserts,
                        s));
    }

    private static void writeRaw(Report report, EmbeddedStore store, MongoDatabase db, SyntheticUsage usage) {
        MongoCollection<Document> samples = db.getCollection(StoreNames.SAMPLES);
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        for (int d = 0; d < usage.days(); d++) {
            List<Document> docs = new ArrayList<>(RAW_BATCH);
            for (Sample s : usage.day(d)) {
                docs.add(DocumentMapper.sample(s, "n-" + s.messageId(), now));
                if (docs.size() == RAW_BATCH) {
                    samples.insertMany(docs);
                    store.barrier().sync();
                    docs.clear();
                }
            }
            if (!docs.isEmpty()) {
                samples.insertMany(docs);
                store.barrier().sync();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        report.line(
                "raw samples",
                String.format(
                        Locale.ROOT,
                        "%,d stored in %.1f s (%.0f docs/s), the documents the ingest path writes",
                        usage.size(),
                        s,
                        usage.size() / s));
    }

    private static List<Query> queries(SyntheticUsage usage) {
        Instant end = START.plus(Duration.ofDays(usage.days()));
        Instant weekStart = START.plus(Duration.ofDays(7));
        Instant weekEnd = weekStart.plus(Duration.ofDays(7));
        return List.of(
                new Query(
                        "meter, all time, no period",
                        statistics(Filter.eq("counter_name", SyntheticUsage.METER), null, null, null, List.of())),
                new Query(
                        "meter, " + usage.days() + " days, period 1 d",
                        statistics(Filter.eq("counter_name", SyntheticUsage.METER), START, end, 86_400L, List.of())),
                new Query(
                        "1 instance, " + usage.days() + " days, period 1 d",
                        statistics(
                                Filter.eq("resource_id", SyntheticUsage.resource(7)), START, end, 86_400L, List.of())),
                new Query(
                        "1 project, 1 week, period 1 h, groupby",
                        statistics(
                                Filter.eq("project_id", SyntheticUsage.project(3)),
                                weekStart,
                                weekEnd,
                                3_600L,
                                List.of("project_id"))),
                new Query(
                        "1 user, all time, no period",
                        statistics(Filter.eq("user_id", SyntheticUsage.user(7)), null, null, null, List.of())));
    }

    private static StatisticsQuery statistics(Filter group, Instant from, Instant to, Long period, List<String> by) {
        List<Filter> conditions = new ArrayList<>(List.of(Filter.eq("counter_name", SyntheticUsage.METER)));
        if (!(group instanceof Filter.Compare c && c.field().equals("counter_name"))) {
            conditions.add(group);
        }
        if (from != null) {
            conditions.add(new Filter.Compare("timestamp", Op.GE, from));
            conditions.add(new Filter.Compare("timestamp", Op.LT, to));
        }
        return new StatisticsQuery(new Filter.And(conditions), from, to, period, by, List.of());
    }

    private static Map<String, Long> query(
            Report report, MongoDatabase db, SyntheticUsage usage, boolean withRaw, int runs) {
        RollupStatistics rollups = new RollupStatistics(db, Clock.systemUTC(), Optional.empty());
        RawStatistics raw = new RawStatistics(db);
        Map<String, Long> docs = new LinkedHashMap<>();
        for (Query query : queries(usage)) {
            Timing t = timeRollups(rollups, query.q(), runs);
            long matched = t.result().stream().mapToLong(Statistics::count).sum();
            docs.put(query.name(), t.documentsRead());
            report.line(
                    "query",
                    String.format(
                            Locale.ROOT,
                            "%-40s rollups: %3d docs read (%3d keys asked), %4d entries over %,11d samples, "
                                    + "%7.1f ms (median of %d)",
                            query.name(),
                            t.documentsRead(),
                            t.keysAsked(),
                            t.result().size(),
                            matched,
                            t.medianMillis(),
                            runs));
            if (withRaw) {
                long t0 = System.nanoTime();
                List<Statistics> r = raw.statistics(query.q());
                double ms = (System.nanoTime() - t0) / 1e6;
                report.line(
                        "",
                        String.format(
                                Locale.ROOT,
                                "%-40s raw:     examines all %,d samples (scan), %4d entries, %9.1f ms, "
                                        + "same counts and sums: %s",
                                "",
                                usage.size(),
                                r.size(),
                                ms,
                                sameCountsAndSums(t.result(), r) ? "yes" : "NO"));
            }
        }
        return docs;
    }

    private static Timing timeRollups(RollupStatistics rollups, StatisticsQuery q, int runs) {
        rollups.answer(q).orElseThrow(() -> new IllegalStateException("rollups cannot answer " + q)); // warm-up
        double[] millis = new double[runs];
        long docs0 = rollups.documentsRead();
        long keys0 = rollups.keysAsked();
        List<Statistics> result = List.of();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            result = rollups.answer(q).orElseThrow();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return new Timing(
                millis[runs / 2],
                (rollups.documentsRead() - docs0) / runs,
                (rollups.keysAsked() - keys0) / runs,
                result);
    }

    private static boolean sameCountsAndSums(List<Statistics> a, List<Statistics> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Statistics x = a.get(i);
            Statistics y = b.get(i);
            if (!x.count().equals(y.count())
                    || !x.periodStart().equals(y.periodStart())
                    || Math.abs(x.sum() - y.sum()) > 1e-9 * Math.max(1, Math.abs(y.sum()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; usage: StatisticsBenchmark "
                        + "[--sizes=100000,1000000,10000000] [--raw-up-to=100000] [--raw-statistics-up-to=100000] [--days=30]"
                        + " [--runs=5] "
                        + "[--corpus=FILE] [--ingest-cost=true]");
            }
            o.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return o;
    }
}
