package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Translation;
import io.meterhub.store.query.Filter;
import io.meterhub.store.query.Statistics;
import io.meterhub.store.query.StatisticsQuery;
import io.meterhub.store.retention.Expirer;
import io.meterhub.store.retention.RetentionPolicy;
import io.meterhub.store.rollup.RollupStatistics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expirer against the real embedded store, with a clock the test sets. */
class ExpirerIT {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy(
            Optional.of(Duration.ofDays(30)),
            Optional.of(Duration.ofDays(60)),
            Optional.of(Duration.ofDays(90)),
            Optional.of(Duration.ofDays(7)));

    @TempDir
    Path dir;

    private EmbeddedStore store;
    private MongoClient client;
    private MongoDatabase db;
    private TestClock clock;
    private IngestRepository repository;

    @BeforeEach
    void open() {
        store = EmbeddedStore.start(dir, 0);
        client = MongoClients.create(store.connectionString());
        db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
        clock = new TestClock(NOW);
        repository = new IngestRepository(db, store.barrier(), clock);
        // instances a, b, c, d created 100, 40, 10 and 1 days ago; dead letters received 40 days and 1 day ago
        write("a", NOW.minus(Duration.ofDays(100)));
        write("b", NOW.minus(Duration.ofDays(40)));
        write("c", NOW.minus(Duration.ofDays(10)));
        write("d", NOW.minus(Duration.ofDays(1)));
        repository.write(new WriteBatch(
                List.of(),
                List.of(deadLetter("dl-old", Duration.ofDays(40)), deadLetter("dl-new", Duration.ofDays(1)))));
    }

    @AfterEach
    void close() {
        client.close();
        store.close();
    }

    private static Translation notification(String instance, Instant t) {
        ObjectNode n = Fixtures.reissued(Fixtures.INSTANCE_CREATE_END, t);
        ((ObjectNode) n.get("payload")).put("instance_id", instance);
        return Fixtures.translate(n);
    }

    private void write(String instance, Instant t) {
        repository.write(new WriteBatch(List.of(notification(instance, t)), List.of()));
    }

    private static DeadLetter deadLetter(String id, Duration age) {
        return new DeadLetter(id, "not-json", "test", "test", NOW.minus(age), new byte[] {1});
    }

    private Expirer expirer(RetentionPolicy policy, int batchSize, Consumer<Runnable> exclusive) {
        return new Expirer(db, policy, clock, batchSize, exclusive, store.barrier());
    }

    private long count(String collection) {
        return db.getCollection(collection).countDocuments();
    }

    private List<String> ids(String collection, String field) {
        List<String> out = new ArrayList<>();
        db.getCollection(collection).find().forEach(d -> out.add(String.valueOf(d.get(field))));
        return out;
    }

    private List<Statistics> memoryStatistics(RollupStatistics rollups) {
        return rollups.answer(new StatisticsQuery(
                        Filter.and(Filter.eq("counter_name", "memory")), null, null, null, List.of(), List.of()))
                .orElseThrow();
    }

    @Test
    void deletesWhatIsOlderThanEachCollectionsTimeToLive() {
        Map<String, Long> deleted = expirer(POLICY, 3, repository::exclusive).runOnce();

        assertThat(deleted)
                .containsEntry("samples", 10L)
                .containsEntry("resources", 2L)
                .containsEntry("events", 1L)
                .containsEntry("dead letters", 1L);
        assertThat(ids(StoreNames.SAMPLES, "resource_id"))
                .containsOnly("c", "d")
                .hasSize(10);
        assertThat(ids(StoreNames.RESOURCES, "_id")).containsExactlyInAnyOrder("c", "d");
        assertThat(count(StoreNames.EVENTS)).isEqualTo(3);
        assertThat(ids(StoreNames.DEAD_LETTERS, "_id")).containsExactly("dl-new");
        List<String> rollups = ids(StoreNames.ROLLUPS, "_id");
        assertThat(rollups).as("instance a's day is beyond 90 days").noneMatch(k -> k.endsWith("2024-02-22"));
        assertThat(rollups)
                .as("b's day is within 90 days: its rollups outlive its samples")
                .contains("memory|r|b|2024-04-22", "memory|m||*");
        assertThat(expirer(POLICY, 3, repository::exclusive).runOnce())
                .allSatisfy((rule, n) -> assertThat(n).as(rule).isZero());
    }

    @Test
    void deletesEverythingOnceAllOfItIsOlderThanItsTimeToLive() {
        clock.advance(Duration.ofDays(200));

        expirer(POLICY, 1000, repository::exclusive).runOnce();

        assertThat(count(StoreNames.SAMPLES)).isZero();
        assertThat(count(StoreNames.RESOURCES)).isZero();
        assertThat(count(StoreNames.EVENTS)).isZero();
        assertThat(count(StoreNames.DEAD_LETTERS)).isZero();
        assertThat(count(StoreNames.ROLLUPS)).as("day and meter rollups").isZero();
    }

    @Test
    void keepsEverythingWithoutATimeToLive() {
        long samples = count(StoreNames.SAMPLES);
        long rollups = count(StoreNames.ROLLUPS);
        clock.advance(Duration.ofDays(10_000));

        assertThat(expirer(RetentionPolicy.KEEP_EVERYTHING, 10, repository::exclusive)
                        .runOnce())
                .isEmpty();

        assertThat(count(StoreNames.SAMPLES)).isEqualTo(samples);
        assertThat(count(StoreNames.ROLLUPS)).isEqualTo(rollups);
        assertThat(count(StoreNames.RESOURCES)).isEqualTo(4);
    }

    @Test
    void keepsAResourceThatGotANewSampleBetweenTheScanAndTheDelete() {
        // ingest writes a new sample of instance a right before the expirer's delete step gets its turn
        Consumer<Runnable> ingestFirst = step -> {
            write("a", NOW);
            repository.exclusive(step);
        };

        expirer(POLICY, 1000, ingestFirst).runOnce();

        assertThat(ids(StoreNames.RESOURCES, "_id")).containsExactlyInAnyOrder("a", "c", "d");
        Document a = db.getCollection(StoreNames.RESOURCES)
                .find(Filters.eq("_id", "a"))
                .first();
        assertThat(a.getDate("last_sample_timestamp")).isEqualTo(java.util.Date.from(NOW));
        assertThat(ids(StoreNames.SAMPLES, "resource_id")).doesNotContain("b");
    }

    @Test
    void rollupStatisticsCountOnlyRetainedDaysBeforeAndAfterTheExpirerRan() {
        RollupStatistics rollups = new RollupStatistics(db, clock, POLICY.rollups());
        RollupStatistics everything = new RollupStatistics(db, clock, Optional.empty());
        List<Statistics> before = memoryStatistics(rollups);

        expirer(POLICY, 1000, repository::exclusive).runOnce();

        assertThat(memoryStatistics(everything).get(0).count())
                .as("without a time-to-live, the meter's all-time rollup")
                .isEqualTo(4);
        assertThat(before.get(0).count())
                .as("b, c and d; a's day is beyond 90 days")
                .isEqualTo(3);
        assertThat(memoryStatistics(rollups)).isEqualTo(before);
    }
}
