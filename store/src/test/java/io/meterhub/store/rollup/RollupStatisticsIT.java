package io.meterhub.store.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.meterhub.model.Json;
import io.meterhub.model.Notification;
import io.meterhub.model.Sample;
import io.meterhub.model.SampleType;
import io.meterhub.model.Translation;
import io.meterhub.store.WriteBatch;
import io.meterhub.store.query.Aggregate;
import io.meterhub.store.query.AggregateFunction;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Op;
import io.meterhub.store.query.RawStatistics;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Statistics from rollups equal statistics from the raw samples, over the corpus samples (and three later copies)
 * stored through the ingest repository with some batches redelivered, for queries generated over every meter, group,
 * bound, period, group-by and aggregate the rollups claim to answer; the others fall back to the raw samples.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupStatisticsIT {

    private static final List<Long> PERIODS = List.of(3600L, 7200L, 86_400L, 3 * 86_400L, 30 * 86_400L);
    private static final List<List<Aggregate>> AGGREGATES = List.of(
            List.of(),
            List.of(Aggregate.of(AggregateFunction.STDDEV), Aggregate.of(AggregateFunction.AVG)),
            List.of(
                    Aggregate.of(AggregateFunction.MIN),
                    Aggregate.of(AggregateFunction.MAX),
                    Aggregate.of(AggregateFunction.SUM),
                    Aggregate.of(AggregateFunction.COUNT)));

    private TestStore store;
    private List<Sample> samples;
    private RawStatistics raw;
    private RollupStatistics rollups;
    private StatisticsService service;

    @BeforeAll
    void storeTheCorpus(@TempDir Path dir) {
        store = TestStore.open(dir);
        List<Translation> all = new ArrayList<>(CorpusSamples.translations());
        all.addAll(CorpusSamples.shifted(Duration.ofMinutes(25), "+25m"));
        all.addAll(CorpusSamples.shifted(Duration.ofMinutes(50), "+50m"));
        all.addAll(CorpusSamples.shifted(Duration.ofHours(26), "+26h"));
        for (int i = 0; i < all.size(); i += 50) {
            List<Translation> batch = all.subList(i, Math.min(all.size(), i + 50));
            store.repository.write(new WriteBatch(batch, List.of()));
            // a redelivery of part of the batch, as RabbitMQ does after a lost acknowledgement
            store.repository.write(new WriteBatch(batch.subList(0, batch.size() / 3), List.of()));
        }
        samples = all.stream().flatMap(t -> t.samples().stream()).toList();
        raw = new RawStatistics(store.db);
        rollups = new RollupStatistics(store.db, Clock.systemUTC(), Optional.empty());
        service = new StatisticsService(rollups, raw);
    }

    @AfterAll
    void closeStore() {
        store.close();
    }

    private static Filter filter(String meter, RollupDimension dim, String value, Instant lower, Instant upper) {
        List<Filter> conditions = new ArrayList<>();
        conditions.add(Filter.eq("counter_name", meter));
        if (dim != RollupDimension.METER) {
            conditions.add(Filter.eq(dim.field(), value));
        }
        if (lower != null) {
            conditions.add(new Filter.Compare("timestamp", Op.GE, lower));
        }
        if (upper != null) {
            conditions.add(new Filter.Compare("timestamp", Op.LT, upper));
        }
        return new Filter.And(conditions);
    }

    private static Instant hourFloor(Instant t) {
        return t.truncatedTo(ChronoUnit.HOURS);
    }

    private static Instant dayFloor(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }

    /** Groups of a meter: the meter overall and a few of its resources, projects and users. */
    private List<Object[]> groups(String meter) {
        List<Object[]> groups = new ArrayList<>();
        groups.add(new Object[] {RollupDimension.METER, ""});
        for (RollupDimension d : List.of(RollupDimension.RESOURCE, RollupDimension.PROJECT, RollupDimension.USER)) {
            Function<Sample, String> field =
                    switch (d) {
                        case RESOURCE -> Sample::resourceId;
                        case PROJECT -> Sample::projectId;
                        default -> Sample::userId;
                    };
            samples.stream()
                    .filter(s -> s.name().equals(meter))
                    .map(field)
                    .filter(Objects::nonNull)
                    .distinct()
                    .limit(2)
                    .forEach(v -> groups.add(new Object[] {d, v}));
        }
        return groups;
    }

    /** Hour-aligned bounds around and inside a meter's samples. */
    private List<Instant[]> bounds(String meter) {
        List<Instant> times = samples.stream()
                .filter(s -> s.name().equals(meter))
                .map(Sample::timestamp)
                .sorted()
                .toList();
        Instant first = times.get(0);
        Instant last = times.get(times.size() - 1);
        Instant middle = hourFloor(times.get(times.size() / 2));
        List<Instant[]> out = new ArrayList<>();
        out.add(new Instant[] {null, null});
        out.add(new Instant[] {dayFloor(first), dayFloor(last).plus(1, ChronoUnit.DAYS)});
        out.add(new Instant[] {middle, null});
        out.add(new Instant[] {null, middle.plus(1, ChronoUnit.HOURS)});
        out.add(new Instant[] {hourFloor(first), hourFloor(first).plus(2, ChronoUnit.HOURS)});
        out.add(new Instant[] {middle, middle.plus(26, ChronoUnit.HOURS)});
        return out;
    }

    @Test
    void rollupsAnswerLikeTheRawSamplesForEveryQueryTheyAccept() {
        Random random = new Random(4);
        List<String> meters =
                new ArrayList<>(new TreeSet<>(samples.stream().map(Sample::name).toList()));
        int answered = 0;
        int declined = 0;
        for (String meter : meters) {
            for (Object[] group : groups(meter)) {
                RollupDimension dim = (RollupDimension) group[0];
                String value = (String) group[1];
                for (Instant[] b : bounds(meter)) {
                    for (int variant = 0; variant < 3; variant++) {
                        Long period = random.nextInt(3) == 0 ? null : PERIODS.get(random.nextInt(PERIODS.size()));
                        boolean grouped = dim != RollupDimension.METER && random.nextBoolean();
                        List<Aggregate> aggregates = AGGREGATES.get(random.nextInt(AGGREGATES.size()));
                        StatisticsQuery q = new StatisticsQuery(
                                filter(meter, dim, value, b[0], b[1]),
                                b[0],
                                b[1],
                                period,
                                grouped ? List.of(dim.field()) : List.of(),
                                aggregates);
                        List<Statistics> expected = raw.statistics(q);
                        Optional<List<Statistics>> actual = rollups.answer(q);
                        // a period without a start starts at the first matching sample: rollups answer when that
                        // is on an hour (or nothing matches)
                        boolean answerable = period == null
                                || b[0] != null
                                || expected.isEmpty()
                                || expected.get(0)
                                        .periodStart()
                                        .equals(hourFloor(expected.get(0).periodStart()));
                        assertThat(actual.isPresent())
                                .as("answered from rollups: %s", q)
                                .isEqualTo(answerable);
                        if (actual.isPresent()) {
                            assertSame(actual.get(), expected, q, magnitude(meter));
                            answered++;
                        } else {
                            assertThat(service.statistics(q)).isEqualTo(expected);
                            declined++;
                        }
                    }
                }
            }
        }
        assertThat(answered).isGreaterThan(1000);
        assertThat(declined).isGreaterThan(100);
    }

    @Test
    void aMeterWideQueryWithoutBoundsReadsOneDocument() {
        StatisticsQuery q = new StatisticsQuery(
                filter("memory", RollupDimension.METER, "", null, null), null, null, null, List.of(), List.of());
        long before = rollups.documentsRead();

        List<Statistics> s = rollups.answer(q).orElseThrow();

        assertThat(rollups.documentsRead() - before).isEqualTo(1);
        assertSame(s, raw.statistics(q), q, magnitude(q));
    }

    @Test
    void aGroupQueryReadsOneDocumentPerDayOfItsRange() {
        Sample v = samples.stream()
                .filter(s -> s.name().equals("volume.size"))
                .findFirst()
                .orElseThrow();
        Instant from = dayFloor(v.timestamp()).minus(3, ChronoUnit.DAYS);
        StatisticsQuery q = new StatisticsQuery(
                filter("volume.size", RollupDimension.RESOURCE, v.resourceId(), from, from.plus(7, ChronoUnit.DAYS)),
                from,
                from.plus(7, ChronoUnit.DAYS),
                3600L,
                List.of(),
                List.of());
        long asked = rollups.keysAsked();

        List<Statistics> s = rollups.answer(q).orElseThrow();

        assertThat(rollups.keysAsked() - asked)
                .as("the meter's all-time document and at most the 7 days")
                .isLessThanOrEqualTo(8);
        assertThat(s).isNotEmpty();
        assertSame(s, raw.statistics(q), q, magnitude(q));
    }

    @Test
    void declinesWhatRollupsCannotAnswerAndTheServiceAsksTheRawSamples() {
        Sample m = samples.stream()
                .filter(s -> s.name().equals("memory"))
                .findFirst()
                .orElseThrow();
        Instant offHour = m.timestamp().minusSeconds(1);
        List<StatisticsQuery> queries = List.of(
                // a start inside the samples, not on an hour
                new StatisticsQuery(
                        filter("memory", RollupDimension.METER, "", offHour, null),
                        offHour,
                        null,
                        null,
                        List.of(),
                        List.of()),
                // cardinality
                new StatisticsQuery(
                        filter("memory", RollupDimension.METER, "", null, null),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of(new Aggregate(AggregateFunction.CARDINALITY, "resource_id"))),
                // a metadata condition
                new StatisticsQuery(
                        Filter.and(
                                Filter.eq("counter_name", "memory"),
                                Filter.eq("resource_metadata.instance_type", "m1.tiny")),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of()),
                // grouped by a field the filter does not fix
                new StatisticsQuery(
                        filter("memory", RollupDimension.PROJECT, m.projectId(), null, null),
                        null,
                        null,
                        null,
                        List.of("resource_id"),
                        List.of()),
                // two groups at once
                new StatisticsQuery(
                        Filter.and(
                                Filter.eq("counter_name", "memory"),
                                Filter.eq("project_id", m.projectId()),
                                Filter.eq("resource_id", m.resourceId())),
                        null,
                        null,
                        null,
                        List.of(),
                        List.of()),
                // a period not a multiple of an hour
                new StatisticsQuery(
                        filter("memory", RollupDimension.METER, "", dayFloor(m.timestamp()), null),
                        dayFloor(m.timestamp()),
                        null,
                        600L,
                        List.of(),
                        List.of()));
        for (StatisticsQuery q : queries) {
            assertThat(rollups.answer(q)).as("%s", q).isEmpty();
            assertThat(service.statistics(q)).as("%s", q).isEqualTo(raw.statistics(q));
        }
        assertThat(service.answeredFromRawSamples()).isGreaterThanOrEqualTo(queries.size());
    }

    @Test
    void declinesAMeterWhoseSamplesHaveTwoUnits() {
        Instant t = Instant.parse("2020-02-02T10:00:00Z");
        List<Sample> two = List.of(unitSample("B", t, "s-1"), unitSample("MB", t.plusSeconds(60), "s-2"));
        store.repository.write(new WriteBatch(
                List.of(new Translation(
                        new Notification(
                                "two-units",
                                "test",
                                "test",
                                "INFO",
                                t,
                                Json.mapper().createObjectNode(),
                                Json.mapper().createObjectNode(),
                                Json.mapper().createObjectNode()),
                        two,
                        List.of())),
                List.of()));
        StatisticsQuery q = new StatisticsQuery(
                filter("two.units", RollupDimension.METER, "", null, null), null, null, null, List.of(), List.of());

        assertThat(rollups.answer(q)).isEmpty();
        assertThat(service.statistics(q)).hasSize(2);
    }

    private static Sample unitSample(String unit, Instant t, String id) {
        return new Sample(
                Sample.DEFAULT_SOURCE,
                "two.units",
                SampleType.GAUGE,
                unit,
                1L,
                "u",
                "p",
                "r",
                t,
                Json.mapper().createObjectNode(),
                id);
    }

    /** The largest absolute volume of the query's meter: the scale rounding differences are measured against. */
    private double magnitude(String meter) {
        return samples.stream()
                .filter(x -> x.name().equals(meter) && x.volume() != null)
                .mapToDouble(x -> Math.abs(x.volume().doubleValue()))
                .max()
                .orElse(0);
    }

    private double magnitude(StatisticsQuery q) {
        return magnitude(
                (String) ((Filter.Compare) ((Filter.And) q.filter()).operands().get(0)).value());
    }

    /**
     * Equal entries; sums and averages of fractional volumes within rounding, and standard deviations within 1e-7 of
     * the meter's largest volume: both compute {@code sqrt(Σx²·n − (Σx)²) / n}, which cancels catastrophically when
     * the values are large and close (e.g. 3 × 1.3e15 ns gives 0 one way and 1.6e7 the other).
     */
    static void assertSame(List<Statistics> actual, List<Statistics> expected, StatisticsQuery q, double magnitude) {
        assertThat(actual).as("entries of %s", q).hasSameSizeAs(expected);
        double scale = 1 + magnitude;
        for (int i = 0; i < expected.size(); i++) {
            Statistics a = actual.get(i);
            Statistics e = expected.get(i);
            String what = "entry " + i + " of " + q;
            assertThat(a.groupBy()).as(what).isEqualTo(e.groupBy());
            assertThat(a.unit()).as(what).isEqualTo(e.unit());
            assertThat(a.periodStart()).as(what).isEqualTo(e.periodStart());
            assertThat(a.periodEnd()).as(what).isEqualTo(e.periodEnd());
            assertThat(a.period()).as(what).isEqualTo(e.period());
            assertThat(a.durationStart()).as(what).isEqualTo(e.durationStart());
            assertThat(a.durationEnd()).as(what).isEqualTo(e.durationEnd());
            assertThat(a.duration()).as(what).isEqualTo(e.duration());
            assertThat(a.min()).as(what).isEqualTo(e.min());
            assertThat(a.max()).as(what).isEqualTo(e.max());
            assertThat(a.count()).as(what).isEqualTo(e.count());
            long n = e.count() == null ? 1 : Math.max(1, e.count());
            assertClose(a.sum(), e.sum(), 1e-12 * scale * n, what);
            assertClose(a.avg(), e.avg(), 1e-12 * scale, what);
            assertThat(a.aggregate().keySet()).as(what).isEqualTo(e.aggregate().keySet());
            for (Map.Entry<String, Double> v : e.aggregate().entrySet()) {
                double tolerance = v.getKey().equals("stddev") ? 1e-7 * scale : 1e-12 * scale * n;
                assertClose(a.aggregate().get(v.getKey()), v.getValue(), tolerance, what + " " + v.getKey());
            }
        }
    }

    private static void assertClose(Double actual, Double expected, double tolerance, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, within(tolerance));
        }
    }
}
