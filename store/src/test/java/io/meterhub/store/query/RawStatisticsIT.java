package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.store.query.ExpectedStatistics.Row;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statistics from the raw corpus samples in the real embedded store, each compared with what the test computes
 * itself from Ceilometer's corpus lines ({@link ExpectedStatistics}).
 */
class RawStatisticsIT {

    private static final String MEMORY = "memory";
    private static final Filter MEMORY_ONLY = Filter.eq("counter_name", MEMORY);
    private static final Predicate<Row> IS_MEMORY =
            r -> r.line().get("name").asText().equals(MEMORY);
    private static final long DAY = 86_400;

    @TempDir
    static Path dir;

    private static CorpusStore store;
    private static RawStatistics statistics;
    private static List<Row> rows;

    @BeforeAll
    static void open() {
        store = CorpusStore.open(dir);
        statistics = new RawStatistics(store.db());
        rows = ExpectedStatistics.rows();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static StatisticsQuery query(
            Filter f, Instant start, Long period, List<String> groupBy, List<Aggregate> a) {
        return new StatisticsQuery(f, start, null, period, groupBy, a);
    }

    @Test
    void oneEntryOverEverythingWithTheStandardAggregates() {
        List<Statistics> found = statistics.statistics(query(MEMORY_ONLY, null, null, List.of(), List.of()));

        List<Statistics> expected = ExpectedStatistics.of(rows, IS_MEMORY, null, null, List.of(), List.of());
        assertSame(found, expected);
        Statistics s = found.get(0);
        assertThat(found).hasSize(1);
        assertThat(s.count()).isEqualTo(rows.stream().filter(IS_MEMORY).count());
        assertThat(s.aggregate()).isEmpty();
        assertThat(s.period()).isZero();
        assertThat(s.periodStart()).isEqualTo(s.durationStart());
        assertThat(s.periodEnd()).isEqualTo(s.durationEnd());
        assertThat(s.unit()).isEqualTo("MB");
        assertThat(s.groupBy()).isNull();
        assertThat(rows.stream().filter(IS_MEMORY).filter(r -> r.volume() == null))
                .as("samples without a volume count but have no value")
                .isNotEmpty();
    }

    static Stream<Aggregate> aggregates() {
        return Stream.of(
                Aggregate.of(AggregateFunction.MIN),
                Aggregate.of(AggregateFunction.MAX),
                Aggregate.of(AggregateFunction.AVG),
                Aggregate.of(AggregateFunction.SUM),
                Aggregate.of(AggregateFunction.COUNT),
                Aggregate.of(AggregateFunction.STDDEV),
                new Aggregate(AggregateFunction.CARDINALITY, "resource_id"),
                new Aggregate(AggregateFunction.CARDINALITY, "project_id"),
                new Aggregate(AggregateFunction.CARDINALITY, "user_id"),
                new Aggregate(AggregateFunction.CARDINALITY, "source"));
    }

    @ParameterizedTest
    @MethodSource("aggregates")
    void oneRequestedAggregateIsTheOnlyOneComputed(Aggregate a) {
        List<Statistics> found = statistics.statistics(query(MEMORY_ONLY, null, null, List.of(), List.of(a)));

        assertSame(found, ExpectedStatistics.of(rows, IS_MEMORY, null, null, List.of(), List.of(a)));
        Statistics s = found.get(0);
        assertThat(s.aggregate()).containsOnlyKeys(a.key());
        long standardFieldsSet = Stream.of(s.min(), s.max(), s.avg(), s.sum(), s.count())
                .filter(Objects::nonNull)
                .count();
        boolean standard = a.function() != AggregateFunction.STDDEV && a.function() != AggregateFunction.CARDINALITY;
        assertThat(standardFieldsSet).isEqualTo(standard ? 1 : 0);
    }

    @Test
    void everyAggregateAtOnceGroupedAndByPeriod() {
        List<Aggregate> all = aggregates().toList();
        List<Statistics> found = statistics.statistics(query(MEMORY_ONLY, null, 365 * DAY, List.of("project_id"), all));

        assertSame(found, ExpectedStatistics.of(rows, IS_MEMORY, null, 365 * DAY, List.of("project_id"), all));
        assertThat(found).hasSizeGreaterThan(3);
        assertThat(found).allSatisfy(s -> assertThat(s.aggregate()).hasSize(all.size()));
    }

    @Test
    void aRepeatedAggregateIsComputedOnce() {
        Aggregate max = Aggregate.of(AggregateFunction.MAX);
        List<Statistics> found = statistics.statistics(query(MEMORY_ONLY, null, null, List.of(), List.of(max, max)));

        assertSame(found, ExpectedStatistics.of(rows, IS_MEMORY, null, null, List.of(), List.of(max)));
    }

    @ParameterizedTest
    @ValueSource(longs = {3600, DAY, 30 * DAY, 365 * DAY})
    void periodsStartAtTheFirstSampleWhenTheQueryHasNoStart(long period) {
        List<Statistics> found = statistics.statistics(query(MEMORY_ONLY, null, period, List.of(), List.of()));

        List<Statistics> expected = ExpectedStatistics.of(rows, IS_MEMORY, null, period, List.of(), List.of());
        assertSame(found, expected);
        Instant first = rows.stream()
                .filter(IS_MEMORY)
                .map(Row::time)
                .min(Instant::compareTo)
                .orElseThrow();
        assertThat(found.get(0).periodStart()).isEqualTo(first);
        assertThat(found).allSatisfy(s -> {
            assertThat(s.period()).isEqualTo(period);
            assertThat(s.periodEnd()).isEqualTo(s.periodStart().plusSeconds(period));
            assertThat(s.durationStart()).isAfterOrEqualTo(s.periodStart()).isBefore(s.periodEnd());
            assertThat(s.count()).isPositive();
        });
    }

    @Test
    void periodsStartAtTheQueryStart() {
        Instant start = Instant.parse("2012-01-01T00:00:00Z");
        Instant end = Instant.parse("2016-01-01T00:00:00Z");
        Filter filter = Filter.and(
                MEMORY_ONLY,
                new Filter.Compare("timestamp", Op.GE, start),
                new Filter.Compare("timestamp", Op.LT, end));
        Predicate<Row> match =
                IS_MEMORY.and(r -> !r.time().isBefore(start) && r.time().isBefore(end));

        List<Statistics> found =
                statistics.statistics(new StatisticsQuery(filter, start, end, 90 * DAY, List.of(), List.of()));

        assertSame(found, ExpectedStatistics.of(rows, match, start, 90 * DAY, List.of(), List.of()));
        assertThat(found)
                .allSatisfy(s -> assertThat((s.periodStart().getEpochSecond() - start.getEpochSecond()) % (90 * DAY))
                        .isZero());
        assertThat(found.size()).as("empty periods are skipped").isLessThan((int)
                ((end.getEpochSecond() - start.getEpochSecond()) / (90 * DAY)));
    }

    @Test
    void withoutAPeriodTheQueryStartIsThePeriodStart() {
        Instant start = Instant.parse("2013-01-01T00:00:00Z");
        Filter filter = Filter.and(MEMORY_ONLY, new Filter.Compare("timestamp", Op.GE, start));

        List<Statistics> found = statistics.statistics(query(filter, start, null, List.of("resource_id"), List.of()));

        Predicate<Row> match = IS_MEMORY.and(r -> !r.time().isBefore(start));
        assertSame(found, ExpectedStatistics.of(rows, match, start, null, List.of("resource_id"), List.of()));
        assertThat(found).allSatisfy(s -> assertThat(s.periodStart()).isEqualTo(start));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "user_id",
                "project_id",
                "resource_id",
                "source",
                "resource_metadata.flavor_name",
                "resource_metadata.image_meta.org.openstack__1__os_distro",
                "project_id,resource_metadata.flavor_name"
            })
    void groupsByEachField(String fields) {
        List<String> groupBy = List.of(fields.split(","));
        List<Aggregate> some = List.of(
                Aggregate.of(AggregateFunction.SUM), new Aggregate(AggregateFunction.CARDINALITY, "resource_id"));

        List<Statistics> found = statistics.statistics(query(MEMORY_ONLY, null, null, groupBy, some));

        List<Statistics> expected = ExpectedStatistics.of(rows, IS_MEMORY, null, null, groupBy, some);
        assertSame(found, expected);
        assertThat(found).allSatisfy(s -> assertThat(s.groupBy()).containsOnlyKeys(groupBy));
        if (!fields.equals("source")) {
            assertThat(found).hasSizeGreaterThan(1);
        }
    }

    @Test
    void eachUnitIsItsOwnEntry() {
        Filter sizes = new Filter.In("counter_name", List.of("image.size", "volume.size"));
        Predicate<Row> match = r -> List.of("image.size", "volume.size")
                .contains(r.line().get("name").asText());

        List<Statistics> found = statistics.statistics(query(sizes, null, null, List.of(), List.of()));

        assertSame(found, ExpectedStatistics.of(rows, match, null, null, List.of(), List.of()));
        assertThat(found).extracting(Statistics::unit).containsExactly("B", "GB");
    }

    @Test
    void nothingMatchingIsNoEntry() {
        assertThat(statistics.statistics(
                        query(Filter.eq("counter_name", "no.such.meter"), null, 60L, List.of(), List.of())))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -3600})
    void rejectsAPeriodThatIsNotPositive(long period) {
        assertThatThrownBy(() -> statistics.statistics(query(MEMORY_ONLY, null, period, List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("period");
    }

    static Stream<Aggregate> badAggregates() {
        return Stream.of(
                new Aggregate(AggregateFunction.CARDINALITY, "counter_name"),
                new Aggregate(AggregateFunction.CARDINALITY, "resource_metadata.flavor_name"),
                new Aggregate(AggregateFunction.CARDINALITY, null),
                new Aggregate(AggregateFunction.MAX, "resource_id"));
    }

    @ParameterizedTest
    @MethodSource("badAggregates")
    void rejectsAnAggregateParameterItCannotCompute(Aggregate bad) {
        assertThatThrownBy(() -> statistics.statistics(query(MEMORY_ONLY, null, null, List.of(), List.of(bad))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad aggregate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"counter_name", "timestamp", "resource_metadata.", "metadata.flavor_name"})
    void rejectsAGroupByFieldItCannotGroupBy(String field) {
        assertThatThrownBy(() -> statistics.statistics(query(MEMORY_ONLY, null, null, List.of(field), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot group by");
    }

    private static void assertSame(List<Statistics> found, List<Statistics> expected) {
        assertThat(expected).isNotEmpty();
        assertThat(found).hasSameSizeAs(expected);
        var close = ExpectedStatistics.close();
        for (int i = 0; i < expected.size(); i++) {
            Statistics f = found.get(i);
            Statistics e = expected.get(i);
            String at = "entry " + i + " " + e.groupBy() + " " + e.periodStart();
            assertThat(text(f.groupBy())).as(at).isEqualTo(text(e.groupBy()));
            assertThat(f.unit()).as(at).isEqualTo(e.unit());
            assertThat(f.periodStart()).as(at).isEqualTo(e.periodStart());
            assertThat(f.periodEnd()).as(at).isEqualTo(e.periodEnd());
            assertThat(f.period()).as(at).isEqualTo(e.period());
            assertThat(f.durationStart()).as(at).isEqualTo(e.durationStart());
            assertThat(f.durationEnd()).as(at).isEqualTo(e.durationEnd());
            assertThat(close.test(f.duration(), e.duration()))
                    .as(at + " duration")
                    .isTrue();
            assertThat(close.test(f.min(), e.min()))
                    .as(at + " min " + f.min() + " " + e.min())
                    .isTrue();
            assertThat(close.test(f.max(), e.max())).as(at + " max").isTrue();
            assertThat(close.test(f.avg(), e.avg()))
                    .as(at + " avg " + f.avg() + " " + e.avg())
                    .isTrue();
            assertThat(close.test(f.sum(), e.sum())).as(at + " sum").isTrue();
            assertThat(f.count()).as(at).isEqualTo(e.count());
            assertThat(f.aggregate().keySet()).as(at).isEqualTo(e.aggregate().keySet());
            e.aggregate().forEach((k, v) -> assertThat(close.test(f.aggregate().get(k), v))
                    .as(at + " " + k + " " + f.aggregate().get(k) + " " + v)
                    .isTrue());
        }
    }

    private static Map<String, String> text(Map<String, Object> group) {
        if (group == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        group.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }
}
