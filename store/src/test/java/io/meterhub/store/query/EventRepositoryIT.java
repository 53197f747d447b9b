package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.model.Event;
import io.meterhub.model.Trait;
import io.meterhub.model.TraitType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Event queries over the real corpus events (and one with a float trait) in the real embedded store. */
class EventRepositoryIT {

    private static final String UPDATE = "compute.instance.update";

    @TempDir
    static Path dir;

    private static CorpusStore store;
    private static EventRepository repository;
    private static List<Event> corpus;

    @BeforeAll
    static void open() {
        store = CorpusStore.open(dir);
        repository = new EventRepository(store.db());
        corpus = CorpusStore.corpus().events();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyEventComesBackAsItWasStored() {
        for (Event e : corpus) {
            assertThat(repository.findById(e.messageId())).contains(e);
        }
        assertThat(repository.findById("no-such-event")).isEmpty();
    }

    @Test
    void listsAllNewestFirstAndLimits() {
        List<Event> all = repository.find(EventFilter.ALL, 0);

        assertThat(all).hasSize(corpus.size());
        assertThat(all.stream().map(e -> e.generated().toEpochMilli()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(repository.find(EventFilter.ALL, 4)).isEqualTo(all.subList(0, 4));
    }

    static Stream<EventFilter> filters() {
        Event some = corpus.stream()
                .filter(e -> e.eventType().equals("compute.instance.create.end"))
                .findFirst()
                .orElseThrow();
        List<Instant> times = corpus.stream().map(Event::generated).sorted().toList();
        Instant from = times.get(times.size() / 4);
        Instant to = times.get(times.size() * 3 / 4);
        Instant launched = (Instant) trait(some, "launched_at").value();
        List<EventFilter> filters = new ArrayList<>();
        filters.add(new EventFilter(UPDATE, null, null, null, null));
        filters.add(new EventFilter("no.such.type", null, null, null, null));
        filters.add(new EventFilter(null, some.messageId(), null, null, null));
        filters.add(new EventFilter(null, null, from, null, null));
        filters.add(new EventFilter(null, null, null, to, null));
        filters.add(new EventFilter(null, null, from, to, null));
        filters.add(new EventFilter(UPDATE, null, from, to, null));
        for (Op op : Op.values()) {
            filters.add(traits(new TraitFilter("memory_mb", op, TraitType.INT, 1024L)));
            filters.add(traits(new TraitFilter("launched_at", op, TraitType.DATETIME, launched)));
            filters.add(traits(new TraitFilter("state", op, TraitType.TEXT, "active")));
            filters.add(traits(new TraitFilter(QueryCorpus.FLOAT_TRAIT, op, TraitType.FLOAT, 0.75)));
            filters.add(traits(new TraitFilter("memory_mb", op, null, 512L)));
        }
        filters.add(traits(new TraitFilter(QueryCorpus.FLOAT_TRAIT, Op.GT, TraitType.FLOAT, 0.5)));
        filters.add(traits(new TraitFilter("memory_mb", Op.EQ, TraitType.TEXT, "512")));
        filters.add(traits(new TraitFilter("instance_id", Op.EQ, TraitType.TEXT, (String)
                trait(some, "instance_id").value())));
        filters.add(new EventFilter(
                UPDATE,
                null,
                null,
                null,
                List.of(
                        new TraitFilter("memory_mb", Op.GE, TraitType.INT, 1024L),
                        new TraitFilter("state", Op.EQ, TraitType.TEXT, "active"))));
        return filters.stream();
    }

    @ParameterizedTest
    @MethodSource("filters")
    void findsWhatTheFilterDescribes(EventFilter filter) {
        List<String> expected = corpus.stream()
                .filter(e -> matches(filter, e))
                .map(Event::messageId)
                .sorted()
                .toList();

        List<String> found = repository.find(filter, 0).stream()
                .map(Event::messageId)
                .sorted()
                .toList();

        assertThat(found).isEqualTo(expected);
    }

    @Test
    void theFiltersAreNotTrivial() {
        long selective = filters()
                .filter(f -> {
                    long n = corpus.stream().filter(e -> matches(f, e)).count();
                    return n > 0 && n < corpus.size();
                })
                .count();
        assertThat(selective).isGreaterThan(filters().count() * 2 / 3);
    }

    @Test
    void aDatetimeTraitComparesWithAnInstantOnly() {
        EventFilter wrong =
                traits(new TraitFilter("launched_at", Op.EQ, TraitType.DATETIME, "2012-05-08T20:23:47.985999"));

        assertThatThrownBy(() -> repository.find(wrong, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsTheEventTypes() {
        List<String> expected =
                corpus.stream().map(Event::eventType).distinct().sorted().toList();

        assertThat(repository.eventTypes()).isEqualTo(expected);
    }

    @Test
    void listsTheTraitNamesAndTypesOfAnEventType() {
        for (String type : List.of(UPDATE, "compute.instance.create.end", "compute.instance.exists")) {
            TreeSet<String> expected = new TreeSet<>();
            corpus.stream()
                    .filter(e -> e.eventType().equals(type))
                    .flatMap(e -> e.traits().stream())
                    .forEach(t -> expected.add(t.name() + ":" + t.type().wireName()));

            assertThat(repository.traitTypes(type).stream()
                            .map(d -> d.name() + ":" + d.type().wireName())
                            .toList())
                    .as(type)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(repository.traitTypes("no.such.type")).isEmpty();
    }

    @Test
    void listsTheValuesOfOneTraitOfAnEventType() {
        for (String name : List.of("memory_mb", "state", "launched_at", QueryCorpus.FLOAT_TRAIT)) {
            List<Trait> expected = corpus.stream()
                    .filter(e -> e.eventType().equals(UPDATE))
                    .flatMap(e -> e.traits().stream())
                    .filter(t -> t.name().equals(name))
                    .sorted(Comparator.comparing(t -> String.valueOf(t.value())))
                    .toList();

            List<Trait> found = repository.traits(UPDATE, name).stream()
                    .sorted(Comparator.comparing(t -> String.valueOf(t.value())))
                    .toList();

            assertThat(found).as(name).isEqualTo(expected);
        }
        assertThat(repository.traits(UPDATE, "memory_mb")).hasSizeGreaterThan(100);
        assertThat(repository.traits("compute.instance.create.end", QueryCorpus.FLOAT_TRAIT))
                .containsExactly(new Trait(QueryCorpus.FLOAT_TRAIT, TraitType.FLOAT, 0.75));
        long allTraits = corpus.stream()
                .filter(e -> e.eventType().equals(UPDATE))
                .mapToLong(e -> e.traits().size())
                .sum();
        assertThat(repository.traits(UPDATE, null)).hasSize((int) allTraits);
    }

    private static EventFilter traits(TraitFilter t) {
        return new EventFilter(null, null, null, null, List.of(t));
    }

    private static Trait trait(Event e, String name) {
        return e.traits().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The test's own reading: [start, end) at millisecond precision, and every trait condition met by a trait. */
    private static boolean matches(EventFilter f, Event e) {
        long at = e.generated().toEpochMilli();
        return (f.eventType() == null || f.eventType().equals(e.eventType()))
                && (f.messageId() == null || f.messageId().equals(e.messageId()))
                && (f.start() == null || at >= f.start().toEpochMilli())
                && (f.end() == null || at < f.end().toEpochMilli())
                && f.traits().stream().allMatch(c -> e.traits().stream().anyMatch(traitMatches(c)));
    }

    private static Predicate<Trait> traitMatches(TraitFilter c) {
        return t -> t.name().equals(c.name())
                && (c.type() == null || c.type() == t.type())
                && compares(t.value(), c.op(), c.value());
    }

    private static boolean compares(Object v, Op op, Object x) {
        if (op == Op.NE) {
            return !compares(v, Op.EQ, x);
        }
        Integer c = compare(v, x);
        if (c == null) {
            return false;
        }
        return switch (op) {
            case EQ -> c == 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case NE -> throw new AssertionError();
        };
    }

    private static Integer compare(Object v, Object x) {
        if (v instanceof Number a && x instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (v instanceof Instant a && x instanceof Instant b) {
            return a.truncatedTo(ChronoUnit.MILLIS).compareTo(b.truncatedTo(ChronoUnit.MILLIS));
        }
        if (v instanceof String a && x instanceof String b) {
            return a.compareTo(b);
        }
        return Objects.equals(v, x) ? 0 : null;
    }
}
