package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.meterhub.model.Translation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch contributors write with every batch, before its barrier, and learn after it that the batch is durable. */
class BatchContributorIT {

    @TempDir
    Path dir;

    private EmbeddedStore store;
    private MongoClient client;
    private MongoDatabase db;
    private final List<String> log = new ArrayList<>();

    private record Item(String id) implements ContributorItem {}

    @BeforeEach
    void openStore() {
        store = EmbeddedStore.start(dir, 0);
        client = MongoClients.create(store.connectionString());
        db = client.getDatabase(StoreNames.DEFAULT_DATABASE);
    }

    @AfterEach
    void closeStore() {
        client.close();
        store.close();
    }

    private DurabilityBarrier recordingBarrier() {
        return () -> {
            log.add("barrier");
            store.barrier().sync();
        };
    }

    private BatchContributor recording(String name) {
        return (batch, rejected) -> {
            log.add(name + " " + batch.translations().size() + " notifications, "
                    + batch.items().size() + " items, rejected " + rejected);
            return () -> log.add(name + " durable");
        };
    }

    @Test
    void contributorsWriteInOrderBeforeTheBarrierAndHearOfDurabilityAfterIt() {
        IngestRepository repository = new IngestRepository(
                db, recordingBarrier(), Clock.systemUTC(), List.of(recording("first"), recording("second")));
        Translation instance = Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END));

        repository.write(new WriteBatch(List.of(instance), List.of(), List.of(new Item("posted-1"))));

        assertThat(log)
                .containsExactly(
                        "first 1 notifications, 1 items, rejected []",
                        "second 1 notifications, 1 items, rejected []",
                        "barrier",
                        "first durable",
                        "second durable");
    }

    @Test
    void aContributorThatFailsFailsTheBatchBeforeTheBarrier() {
        BatchContributor failing = (batch, rejected) -> {
            throw new com.mongodb.MongoSocketException("store went away", new ServerAddress());
        };
        IngestRepository repository = new IngestRepository(db, recordingBarrier(), Clock.systemUTC(), List.of(failing));
        Translation instance = Fixtures.translate(Fixtures.notification(Fixtures.INSTANCE_CREATE_END));

        assertThatThrownBy(() -> repository.write(new WriteBatch(List.of(instance), List.of())))
                .isInstanceOf(com.mongodb.MongoSocketException.class);
        assertThat(log).doesNotContain("barrier");
    }

    @Test
    void theWriterCompletesAnItemOnceItsBatchIsDurableAndFailsOneTheStoreRefuses() throws Exception {
        BatchContributor refusingOne = (batch, rejected) -> {
            if (batch.items().stream().anyMatch(i -> i.id().equals("refused"))) {
                throw new MongoCommandException(
                        new BsonDocument("ok", new BsonInt32(0))
                                .append("code", new BsonInt32(2))
                                .append("errmsg", new BsonString("BadValue: refused for the test")),
                        new ServerAddress());
            }
            batch.items().forEach(i -> log.add("wrote " + i.id()));
            return () -> batch.items().forEach(i -> log.add("durable " + i.id()));
        };
        IngestRepository repository =
                new IngestRepository(db, store.barrier(), Clock.systemUTC(), List.of(refusingOne));
        try (BatchingWriter writer =
                new BatchingWriter(repository, 10, Duration.ofMillis(50), 100, Clock.systemUTC())) {
            CompletableFuture<Void> ok = writer.submit(new Item("accepted"));
            CompletableFuture<Void> refused = writer.submit(new Item("refused"));

            ok.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("refused for the test");
        }
        assertThat(log).containsSubsequence("wrote accepted", "durable accepted");
        assertThat(Set.copyOf(log)).doesNotContain("wrote refused", "durable refused");
    }
}
