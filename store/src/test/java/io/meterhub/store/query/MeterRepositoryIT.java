package io.meterhub.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The meters listing over the real corpus in the real embedded store. */
class MeterRepositoryIT {

    @TempDir
    static Path dir;

    private static CorpusStore store;
    private static MeterRepository repository;
    private static List<MeterSummary> expected;

    @BeforeAll
    static void open() {
        store = CorpusStore.open(dir);
        repository = new MeterRepository(store.db());
        expected = expectedMeters();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** One entry per (resource, meter) seen in the corpus, with the owner of the resource's newest sample. */
    private static List<MeterSummary> expectedMeters() {
        ResourceRepository resources = new ResourceRepository(store.db());
        List<MeterSummary> out = new ArrayList<>();
        CorpusResources.of(CorpusStore.corpus().samples()).byId().values().forEach(e -> {
            var r = resources.findById(e.id()).orElseThrow().resource();
            assertThat(e.ownedBy(r.projectId(), r.userId())).isTrue();
            for (List<String> t : e.meterTriples()) {
                out.add(new MeterSummary(t.get(0), t.get(1), t.get(2), e.id(), r.projectId(), r.userId(), "openstack"));
            }
        });
        out.sort(Comparator.comparing(MeterSummary::resourceId)
                .thenComparing(MeterSummary::name)
                .thenComparing(MeterSummary::type));
        return out;
    }

    @Test
    void listsEveryMeterOfEveryResourceInOrder() {
        List<MeterSummary> all = repository.find(Filter.ALL, 0);

        assertThat(all).isEqualTo(expected);
        assertThat(all.size())
                .isGreaterThan(CorpusResources.of(CorpusStore.corpus().samples())
                        .byId()
                        .size());
    }

    @Test
    void aMeterNameSelectsMetersNotResources() {
        assertFinds(Filter.eq("counter_name", "memory"), m -> m.name().equals("memory"));
        assertFinds(
                new Filter.Matches("counter_name", "^disk\\."), m -> m.name().startsWith("disk."));
    }

    @Test
    void filtersByOwnerResourceSourceAndMetadata() {
        MeterSummary some = expected.stream()
                .filter(m -> m.name().equals("memory"))
                .findFirst()
                .orElseThrow();
        assertFinds(Filter.eq("project_id", some.projectId()), m -> Objects.equals(m.projectId(), some.projectId()));
        assertFinds(Filter.eq("user_id", some.userId()), m -> Objects.equals(some.userId(), m.userId()));
        assertFinds(
                Filter.eq("resource_id", some.resourceId()), m -> m.resourceId().equals(some.resourceId()));
        assertFinds(Filter.eq("source", "openstack"), m -> true);
        assertFinds(Filter.eq("source", "elsewhere"), m -> false);
        assertFinds(
                Filter.and(Filter.eq("resource_id", some.resourceId()), Filter.eq("counter_name", "vcpus")),
                m -> m.resourceId().equals(some.resourceId()) && m.name().equals("vcpus"));

        var resource = new ResourceRepository(store.db())
                .findById(some.resourceId())
                .orElseThrow()
                .resource();
        String flavor = resource.metadata().path("flavor_name").asText();
        List<String> resourcesWithFlavor = new ResourceRepository(store.db())
                .find(Filter.ALL, 0).stream()
                        .filter(r -> r.resource()
                                .metadata()
                                .path("flavor_name")
                                .asText("")
                                .equals(flavor))
                        .map(r -> r.resource().resourceId())
                        .toList();
        assertFinds(
                Filter.eq("resource_metadata.flavor_name", flavor), m -> resourcesWithFlavor.contains(m.resourceId()));
    }

    @Test
    void theLimitCountsMeters() {
        assertThat(repository.find(Filter.ALL, 7)).isEqualTo(expected.subList(0, 7));
    }

    private static void assertFinds(Filter filter, Predicate<MeterSummary> expectation) {
        assertThat(repository.find(filter, 0))
                .as(filter.toString())
                .isEqualTo(expected.stream().filter(expectation).toList());
    }
}
