package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.meterhub.model.DeadLetter;
import io.meterhub.model.Sample;
import io.meterhub.model.Translation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group-commit writer against the real embedded store, including the store going away under it. */
class BatchingWriterIT {

    private static final int THREADS = 8;

    @TempDir
    Path dir;

    private EmbeddedStore store;
    private MongoClient client;
    private MongoDatabase db;
    private BatchingWriter writer;
    private ExecutorService pool;

    @BeforeEach
    void openStore() {
        store = EmbeddedStore.start(dir, 0);
        // a store that is down must fail an operation quickly, so that the writer's retries can be observed
        client = MongoClients.create(store.connectionString() + "/?serverSelectionTimeoutMS=200&connectTimeoutMS=200"
                + "&heartbeatFrequencyMS=500");
        db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
        StoreIndexes.ensure(db);
    }

    @AfterEach
    void closeAll() {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (writer != null) {
            writer.stop(Duration.ofSeconds(10));
        }
        client.close();
        if (store != null) {
            store.close();
        }
    }

    private BatchingWriter writer(int maxBatch, int capacity) {
        // the barrier of whichever store is open: some tests take the store away and start a new one on its port
        DurabilityBarrier currentStore = () -> store.barrier().sync();
        writer = new BatchingWriter(
                new IngestRepository(db, currentStore, Clock.systemUTC()),
                maxBatch,
                Duration.ofMillis(5),
                capacity,
                Clock.systemUTC());
        return writer;
    }

    private long count(String collection) {
        return db.getCollection(collection).countDocuments();
    }

    private static List<Translation> translatableCorpus() {
        List<Translation> out = new ArrayList<>();
        for (var n : Fixtures.corpus()) {
            try {
                out.add(Fixtures.translate(n));
            } catch (IllegalStateException refused) {
                // the few corpus notifications the decoder refuses (unparsable timestamps) are not store input
            }
        }
        return out;
    }

    private static DeadLetter deadLetter(int i) {
        return new DeadLetter(
                "dl-" + i,
                "not-json",
                "body is not valid JSON",
                "test",
                Instant.now(),
                ("garbage " + i).getBytes(StandardCharsets.UTF_8));
    }

    /** Takes the store away under the writer: its port closes and its file is closed. */
    private void stopStore() {
        store.close();
        store = null;
    }

    @Test
    void aNotificationTheStoreRefusesIsDeadLetteredAndTheRestOfItsBatchIsStored() throws Exception {
        List<Translation> corpus = translatableCorpus();
        String refusedId = corpus.get(3).source().messageId();
        IngestRepository real = new IngestRepository(db, store.barrier(), Clock.systemUTC());
        // the real store, refusing (as a server answer, not a passing fault) every write that holds one notification
        BatchStore refusing = batch -> {
            if (batch.translations().stream()
                    .anyMatch(t -> t.source().messageId().equals(refusedId))) {
                throw new MongoCommandException(
                        new BsonDocument("ok", new BsonInt32(0))
                                .append("code", new BsonInt32(2))
                                .append("errmsg", new BsonString("BadValue: refused for the test")),
                        new ServerAddress());
            }
            return real.write(batch);
        };
        writer = new BatchingWriter(refusing, 100, Duration.ofMillis(50), 1000, Clock.systemUTC());
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (Translation t : corpus.subList(0, 20)) {
            futures.add(writer.submit(t));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(count(StoreNames.EVENTS)).isEqualTo(19);
        var dead = db.getCollection(StoreNames.DEAD_LETTERS)
                .find(com.mongodb.client.model.Filters.eq("_id", refusedId))
                .first();
        assertThat(dead).isNotNull();
        assertThat(dead.getString("reason")).isEqualTo("store-rejected");
        assertThat(dead.getString("detail")).contains("refused for the test");
        assertThat(writer.deadLettersStored()).isEqualTo(1);
    }

    @Test
    void concurrentSubmitsFromManyThreadsAllCompleteAndAreStoredOnce() throws Exception {
        List<Translation> corpus = translatableCorpus();
        assertThat(corpus).hasSizeGreaterThan(400);
        // every notification twice (a redelivery), the two copies from different threads, and some dead letters
        List<Object> items = new ArrayList<>(corpus);
        items.addAll(corpus);
        for (int i = 0; i < 50; i++) {
            items.add(deadLetter(i));
            items.add(deadLetter(i));
        }
        Collections.shuffle(items, new java.util.Random(7));
        BatchingWriter w = writer(64, 32);
        pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            submitted.add(pool.submit(() -> {
                start.await();
                List<CompletableFuture<Void>> futures = new ArrayList<>();
                for (int i = thread; i < items.size(); i += THREADS) {
                    Object item = items.get(i);
                    futures.add(item instanceof Translation tr ? w.submit(tr) : w.submit((DeadLetter) item));
                }
                return futures;
            }));
        }
        start.countDown();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (Future<List<CompletableFuture<Void>>> f : submitted) {
            futures.addAll(f.get(60, TimeUnit.SECONDS));
        }

        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        assertThat(futures).hasSize(items.size()).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        Set<String> sampleIds = new HashSet<>();
        corpus.forEach(t -> t.samples().stream().map(Sample::messageId).forEach(sampleIds::add));
        assertThat(count(StoreNames.SAMPLES)).isEqualTo(sampleIds.size());
        assertThat(count(StoreNames.EVENTS)).isEqualTo(events(corpus));
        assertThat(count(StoreNames.DEAD_LETTERS)).isEqualTo(50);
        int documentsOfOneCopy =
                corpus.stream().mapToInt(Translation::documentCount).sum() + 50;
        assertThat(w.duplicateDocuments()).isEqualTo(documentsOfOneCopy);
        assertThat(w.notificationsStored()).isEqualTo(2L * corpus.size());
        assertThat(w.deadLettersStored()).isEqualTo(100);
        assertThat(w.batchesWritten()).isBetween(1L, (long) items.size());
        assertThat(w.failedWrites()).isZero();
        assertThat(w.queued()).isZero();
    }

    @Test
    void stopWritesWhatIsQueuedBeforeItReturns() throws Exception {
        List<Translation> corpus = translatableCorpus().subList(0, 100);
        BatchingWriter w = writer(10, 200);
        List<CompletableFuture<Void>> futures = corpus.stream().map(w::submit).toList();

        w.stop(Duration.ofSeconds(30));

        assertThat(futures).allMatch(f -> f.isDone() && !f.isCompletedExceptionally());
        assertThat(count(StoreNames.EVENTS)).isEqualTo(events(corpus));
    }

    /** Events of the translations: one per notification but for those whose event Ceilometer could not make either. */
    private static long events(List<Translation> translations) {
        return translations.stream().mapToLong(t -> t.events().size()).sum();
    }

    @Test
    void submitAfterStopReturnsAFailedFuture() {
        BatchingWriter w = writer(10, 10);
        w.stop(Duration.ofSeconds(5));

        CompletableFuture<Void> translation = w.submit(translatableCorpus().get(0));
        CompletableFuture<Void> dead = w.submit(deadLetter(1));

        for (CompletableFuture<Void> f : List.of(translation, dead)) {
            assertThat(f).isCompletedExceptionally();
            assertThat(f)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IllegalStateException.class)
                    .withMessageContaining("the store writer is stopped");
        }
        assertThat(count(StoreNames.EVENTS)).isZero();
        assertThat(count(StoreNames.DEAD_LETTERS)).isZero();
    }

    @Test
    void itemsWaitWhileTheStoreIsDownAndFailWhenTheWriterStops() {
        BatchingWriter w = writer(10, 100);
        List<Translation> corpus = translatableCorpus().subList(0, 5);
        stopStore();

        List<CompletableFuture<Void>> futures = corpus.stream().map(w::submit).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> w.failedWrites() >= 2);

        assertThat(futures).as("pending while the writer retries").noneMatch(CompletableFuture::isDone);
        w.stop(Duration.ofSeconds(30));

        assertThat(futures).as("failed by stop").allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(w.failedWrites()).isGreaterThan(0);
        assertThat(w.notificationsStored()).isZero();
    }

    @Test
    void stopFailsTheItemsOfABatchWhoseRetryBackOffItInterrupts() {
        BatchingWriter w = writer(10, 100);
        List<Translation> corpus = translatableCorpus().subList(0, 5);
        stopStore();
        List<CompletableFuture<Void>> futures = corpus.stream().map(w::submit).toList();
        // after the 5th failure the writer backs off for 1.6 s; stop waits less than that, then interrupts it
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> w.failedWrites() >= 5);

        w.stop(Duration.ofMillis(100));

        await("every pending item fails once the writer is stopped")
                .atMost(Duration.ofSeconds(5))
                .until(() -> futures.stream().allMatch(CompletableFuture::isDone));
        assertThat(futures).allMatch(CompletableFuture::isCompletedExceptionally);
    }

    @Test
    void aBatchWrittenWhileTheStoreIsDownIsStoredOnceItIsBack() {
        BatchingWriter w = writer(10, 100);
        int port = store.port();
        List<Translation> corpus = translatableCorpus().subList(0, 5);
        stopStore();
        List<CompletableFuture<Void>> futures = corpus.stream().map(w::submit).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> w.failedWrites() >= 1);
        assertThat(futures).noneMatch(CompletableFuture::isDone);

        store = EmbeddedStore.start(dir, port);

        await().atMost(Duration.ofSeconds(30)).until(() -> futures.stream().allMatch(CompletableFuture::isDone));
        assertThat(futures).noneMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(count(StoreNames.EVENTS)).isEqualTo(5);
    }
}
