package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterhub.model.Json;
import io.meterhub.model.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sample queries over the real corpus in the real embedded store, checked against {@link SampleOracle}. */
class SampleRepositoryIT {

    @TempDir
    static Path dir;

    private static CorpusStore store;
    private static SampleRepository repository;
    private static List<Sample> corpus;

    @BeforeAll
    static void open() {
        store = CorpusStore.open(dir);
        repository = new SampleRepository(store.db());
        corpus = CorpusStore.corpus().samples();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static Sample some(String meter) {
        return corpus.stream().filter(s -> s.name().equals(meter)).findFirst().orElseThrow();
    }

    /** A memory sample whose metadata has a flavor and an image reference. */
    private static Sample instanceSample() {
        return corpus.stream()
                .filter(s -> s.name().equals("memory"))
                .filter(s -> s.resourceMetadata().path("flavor_name").isTextual())
                .filter(s -> s.resourceMetadata()
                        .path("image_meta")
                        .path("base_image_ref")
                        .isTextual())
                .filter(s -> distro(s).length() > 2)
                .findFirst()
                .orElseThrow();
    }

    /** A metadata key that itself holds dots, under a nested document. */
    private static final String DISTRO = "resource_metadata.image_meta.org.openstack__1__os_distro";

    private static String distro(Sample s) {
        return s.resourceMetadata()
                .path("image_meta")
                .path("org.openstack__1__os_distro")
                .asText();
    }

    static Stream<Filter> filters() {
        Sample memory = instanceSample();
        Sample image = some("image.size");
        Instant middle =
                corpus.stream().map(Sample::timestamp).sorted().toList().get(corpus.size() / 2);
        List<Filter> filters = new ArrayList<>();
        for (Op op : Op.values()) {
            filters.add(new Filter.Compare("counter_volume", op, 1024L));
            filters.add(new Filter.Compare("counter_volume", op, 6.985999));
            filters.add(new Filter.Compare("timestamp", op, middle));
            filters.add(new Filter.Compare("project_id", op, memory.projectId()));
            filters.add(new Filter.Compare("counter_name", op, "memory"));
            filters.add(new Filter.Compare(
                    "resource_metadata.flavor_name",
                    op,
                    memory.resourceMetadata().get("flavor_name").asText()));
        }
        filters.addAll(List.of(
                Filter.eq("user_id", memory.userId()),
                Filter.eq("user_id", null),
                Filter.eq("resource_id", image.resourceId()),
                Filter.eq("source", "openstack"),
                Filter.eq("source", "elsewhere"),
                Filter.eq("counter_type", "gauge"),
                Filter.eq("counter_unit", "GB"),
                Filter.eq("message_id", memory.messageId()),
                Filter.eq("counter_volume", null),
                Filter.eq(
                        "resource_metadata.image_meta.base_image_ref",
                        memory.resourceMetadata()
                                .at("/image_meta/base_image_ref")
                                .asText()),
                Filter.eq(
                        "resource_metadata.display_name",
                        memory.resourceMetadata().path("display_name").asText()),
                Filter.eq("resource_metadata.no_such_key", null),
                Filter.eq(DISTRO, distro(memory)),
                new Filter.Compare(DISTRO, Op.NE, distro(memory)),
                new Filter.Matches(DISTRO, "^" + distro(memory).substring(0, 2)),
                new Filter.In(DISTRO, List.of(distro(memory), "plan9")),
                Filter.and(Filter.eq("counter_name", "memory"), new Filter.Compare("counter_volume", Op.GE, 2048L)),
                new Filter.Or(
                        List.of(Filter.eq("counter_name", "image.size"), Filter.eq("counter_name", "volume.size"))),
                new Filter.Or(List.of()),
                Filter.ALL,
                new Filter.Not(Filter.eq("counter_name", "memory")),
                new Filter.Not(new Filter.Compare("counter_volume", Op.LT, 1024L)),
                new Filter.Not(Filter.and(
                        Filter.eq("counter_name", "memory"), new Filter.Compare("counter_volume", Op.GT, 512L))),
                new Filter.Not(new Filter.Not(Filter.eq("counter_unit", "GB"))),
                new Filter.In("resource_id", List.of(image.resourceId(), memory.resourceId(), "no-such-resource")),
                new Filter.In("counter_volume", List.of(512L, 4096L)),
                new Filter.In("timestamp", List.of(memory.timestamp())),
                new Filter.Not(new Filter.In("counter_name", List.of("memory", "vcpus"))),
                new Filter.Matches("counter_name", "^disk\\."),
                new Filter.Matches("counter_name", "size$"),
                new Filter.Matches("resource_metadata.flavor_name", "tiny"),
                new Filter.Not(new Filter.Matches("counter_name", "^compute")),
                Filter.and(
                        new Filter.Compare("timestamp", Op.GE, Instant.parse("2015-01-01T00:00:00Z")),
                        new Filter.Compare("timestamp", Op.LT, Instant.parse("2016-01-01T00:00:00Z")))));
        return filters.stream();
    }

    @ParameterizedTest
    @MethodSource("filters")
    void findsWhatTheFilterDescribes(Filter filter) {
        List<String> expected = corpus.stream()
                .filter(s -> SampleOracle.matches(filter, s))
                .map(Sample::messageId)
                .sorted()
                .toList();

        List<String> found = repository.find(filter, List.of(), 0).stream()
                .map(s -> s.sample().messageId())
                .sorted()
                .toList();

        assertThat(found).isEqualTo(expected);
    }

    @Test
    void theFiltersAreNotTrivial() {
        long selective = filters()
                .filter(f -> {
                    long n = corpus.stream()
                            .filter(s -> SampleOracle.matches(f, s))
                            .count();
                    return n > 0 && n < corpus.size();
                })
                .count();
        assertThat(selective).isGreaterThan(filters().count() * 3 / 4);
    }

    @Test
    void everySampleComesBackAsItWasStored() {
        for (Sample s : corpus) {
            StoredSample stored = repository.findById(s.messageId()).orElseThrow();

            assertThat(normalized(stored.sample())).isEqualTo(normalized(s));
            assertThat(stored.recordedAt()).isEqualTo(CorpusStore.RECORDED_AT);
        }
        assertThat(corpus).hasSize(353);
        assertThat(corpus.stream().filter(s -> !s.resourceMetadata().isEmpty()))
                .as("samples with the metadata of their mediated twin")
                .hasSizeGreaterThan(300);
    }

    @Test
    void anUnknownIdIsEmpty() {
        assertThat(repository.findById("no-such-sample")).isEmpty();
    }

    @Test
    void theDefaultOrderIsNewestFirst() {
        List<StoredSample> all = repository.find(Filter.ALL, List.of(), 0);

        assertThat(all).hasSize(corpus.size());
        assertThat(all.stream().map(s -> s.sample().timestamp().toEpochMilli()).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void ordersByTheGivenKeysAndLimits() {
        List<Sort> order = List.of(Sort.asc("counter_name"), Sort.desc("counter_volume"));
        List<Sample> expected = corpus.stream()
                .sorted(Comparator.comparing(Sample::name)
                        .thenComparing(
                                s -> s.volume() == null ? null : s.volume().doubleValue(),
                                Comparator.nullsLast(Comparator.<Double>reverseOrder())))
                .toList();

        List<StoredSample> found = repository.find(Filter.ALL, order, 10);

        assertThat(found).hasSize(10);
        assertThat(found.stream().map(s -> key(s.sample())).toList())
                .isEqualTo(expected.subList(0, 10).stream()
                        .map(SampleRepositoryIT::key)
                        .toList());
    }

    @Test
    void ordersByAMetadataField() {
        Filter memory = Filter.eq("counter_name", "memory");
        List<String> expected = corpus.stream()
                .filter(s -> s.name().equals("memory"))
                .map(s -> s.resourceMetadata().path("display_name").asText(null))
                .filter(Objects::nonNull)
                .sorted()
                .toList();

        List<String> found = repository.find(memory, List.of(Sort.asc("resource_metadata.display_name")), 0).stream()
                .map(s -> s.sample().resourceMetadata().path("display_name").asText(null))
                .filter(Objects::nonNull)
                .toList();

        assertThat(found).isEqualTo(expected);
    }

    @Test
    void theLimitKeepsTheNewest() {
        List<StoredSample> three = repository.find(Filter.eq("counter_name", "memory"), List.of(), 3);
        List<Long> newest = corpus.stream()
                .filter(s -> s.name().equals("memory"))
                .map(s -> s.timestamp().toEpochMilli())
                .sorted(Comparator.reverseOrder())
                .limit(3)
                .toList();

        assertThat(three.stream()
                        .map(s -> s.sample().timestamp().toEpochMilli())
                        .toList())
                .isEqualTo(newest);
    }

    private static String key(Sample s) {
        return s.name() + "/" + s.volume();
    }

    private static Sample normalized(Sample s) {
        try {
            JsonNode md = Json.mapper().readTree(s.resourceMetadata().toString());
            return new Sample(
                    s.source(),
                    s.name(),
                    s.type(),
                    s.unit(),
                    s.volume(),
                    s.userId(),
                    s.projectId(),
                    s.resourceId(),
                    s.timestamp(),
                    (ObjectNode) md,
                    s.messageId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
