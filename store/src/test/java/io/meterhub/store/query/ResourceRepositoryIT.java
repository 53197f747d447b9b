package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterhub.model.Resource;
import io.meterhub.model.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resource queries over the real corpus in the real embedded store. */
class ResourceRepositoryIT {

    @TempDir
    static Path dir;

    private static CorpusStore store;
    private static ResourceRepository repository;
    private static CorpusResources expected;

    @BeforeAll
    static void open() {
        store = CorpusStore.open(dir);
        repository = new ResourceRepository(store.db());
        expected = CorpusResources.of(CorpusStore.corpus().samples());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everyResourceHasItsRangeOwnerMetadataAndMeters() {
        List<StoredResource> all = repository.find(Filter.ALL, 0);

        assertThat(all).hasSize(expected.byId().size());
        for (StoredResource found : all) {
            Resource r = found.resource();
            CorpusResources.Expected e = expected.byId().get(r.resourceId());
            assertThat(e).as(r.resourceId()).isNotNull();
            assertThat(r.firstSampleTimestamp()).isEqualTo(e.first().truncatedTo(ChronoUnit.MILLIS));
            assertThat(r.lastSampleTimestamp()).isEqualTo(e.last());
            assertThat(found.meterNames()).containsExactlyElementsOf(e.meters());
            assertThat(e.ownedBy(r.projectId(), r.userId())).as(r.resourceId()).isTrue();
            assertThat(e.newest().stream().map(s -> s.resourceMetadata().toString()))
                    .contains(r.metadata().toString());
            assertThat(r.source()).isEqualTo("openstack");
        }
    }

    @Test
    void ordersByUserThenProjectThenNewestSample() {
        List<Resource> all = repository.find(Filter.ALL, 0).stream()
                .map(StoredResource::resource)
                .toList();

        Comparator<String> nullsLowest = Comparator.nullsFirst(Comparator.naturalOrder());
        assertThat(all)
                .isSortedAccordingTo(Comparator.comparing(Resource::userId, nullsLowest)
                        .thenComparing(Resource::projectId, nullsLowest)
                        .thenComparing(r -> r.lastSampleTimestamp().toEpochMilli())
                        .reversed());
        assertThat(repository.find(Filter.ALL, 5)).hasSize(5);
        assertThat(repository.find(Filter.ALL, 5).stream().map(r -> r.resource().resourceId()))
                .containsExactlyElementsOf(
                        all.subList(0, 5).stream().map(Resource::resourceId).toList());
    }

    @Test
    void findsById() {
        String id = expected.byId().keySet().iterator().next();

        assertThat(repository.findById(id))
                .get()
                .extracting(r -> r.resource().resourceId())
                .isEqualTo(id);
        assertThat(repository.findById("no-such-resource")).isEmpty();
    }

    @Test
    void filtersByOwnerAndResource() {
        Resource some = repository.find(Filter.ALL, 0).stream()
                .map(StoredResource::resource)
                .filter(r -> r.projectId() != null && r.userId() != null)
                .findFirst()
                .orElseThrow();

        assertMatches(Filter.eq("project_id", some.projectId()), r -> Objects.equals(some.projectId(), r.projectId()));
        assertMatches(Filter.eq("user_id", some.userId()), r -> Objects.equals(some.userId(), r.userId()));
        assertMatches(
                Filter.eq("resource_id", some.resourceId()), r -> r.resourceId().equals(some.resourceId()));
        assertMatches(Filter.eq("source", "openstack"), r -> true);
        assertMatches(new Filter.Not(Filter.eq("project_id", some.projectId())), r -> !some.projectId()
                .equals(r.projectId()));
        assertThat(repository.find(Filter.eq("resource_id", some.resourceId()), 0))
                .hasSize(1);
    }

    @Test
    void filtersByTheLatestMetadata() {
        Resource instance = repository.find(Filter.ALL, 0).stream()
                .map(StoredResource::resource)
                .filter(r -> r.metadata().path("flavor_name").isTextual())
                .findFirst()
                .orElseThrow();
        String flavor = instance.metadata().get("flavor_name").asText();

        List<StoredResource> found = repository.find(Filter.eq("resource_metadata.flavor_name", flavor), 0);

        assertThat(found).isNotEmpty();
        assertThat(found)
                .allMatch(r ->
                        r.resource().metadata().path("flavor_name").asText().equals(flavor));
        long withFlavor = repository.find(Filter.ALL, 0).stream()
                .filter(r ->
                        r.resource().metadata().path("flavor_name").asText("").equals(flavor))
                .count();
        assertThat(found).hasSize((int) withFlavor);
    }

    @Test
    void aTimestampConditionMeansTheSampleRangeOverlaps() {
        List<Instant> times = CorpusStore.corpus().samples().stream()
                .map(Sample::timestamp)
                .sorted()
                .toList();
        Instant from = times.get(times.size() / 3);
        Instant to = times.get(times.size() * 2 / 3);

        assertExpected(
                new Filter.Compare("timestamp", Op.GE, from), e -> !e.last().isBefore(from));
        assertExpected(
                new Filter.Compare("timestamp", Op.GT, from), e -> e.last().isAfter(from));
        assertExpected(
                new Filter.Compare("timestamp", Op.LE, to), e -> !e.first().isAfter(to));
        assertExpected(
                new Filter.Compare("timestamp", Op.LT, to), e -> e.first().isBefore(to));
        assertExpected(
                Filter.and(new Filter.Compare("timestamp", Op.GE, from), new Filter.Compare("timestamp", Op.LE, to)),
                e -> !e.last().isBefore(from) && !e.first().isAfter(to));
        assertExpected(
                Filter.eq("timestamp", from),
                e -> !e.first().isAfter(from) && !e.last().isBefore(from));
        long overlapping = expected.byId().values().stream()
                .filter(e -> !e.last().isBefore(from) && !e.first().isAfter(to))
                .count();
        assertThat(overlapping).isBetween(1L, (long) expected.byId().size() - 1);
    }

    private static void assertMatches(Filter filter, Predicate<Resource> expectation) {
        List<Resource> all = repository.find(Filter.ALL, 0).stream()
                .map(StoredResource::resource)
                .toList();
        List<String> expectedIds = all.stream()
                .filter(expectation)
                .map(Resource::resourceId)
                .sorted()
                .toList();
        assertThat(ids(filter)).isEqualTo(expectedIds);
    }

    private static void assertExpected(Filter filter, Predicate<CorpusResources.Expected> expectation) {
        List<String> expectedIds = expected.byId().values().stream()
                .filter(expectation)
                .map(CorpusResources.Expected::id)
                .sorted()
                .toList();
        assertThat(ids(filter)).as(filter.toString()).isEqualTo(expectedIds);
    }

    private static List<String> ids(Filter filter) {
        return repository.find(filter, 0).stream()
                .map(r -> r.resource().resourceId())
                .sorted()
                .toList();
    }
}
