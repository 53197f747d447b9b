package io.meterhub.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.meterhub.store.StoreNames;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commits that run while the store goes on changing: what a commit holds is the store as it was at its snapshot,
 * whatever is written while H2 writes the commit out. Each test ends with a crash (the file closed without a further
 * commit) and reads the file again through a new store.
 */
class BackgroundCommitsIT {

    private static final int DOCS = 200;

    @TempDir
    Path dir;

    private ReusingFileStore file;
    private MVStore mvStore;
    private StoreServer server;
    private MongoClient client;
    private BackgroundCommits commits;
    private ReopenableStore reopened;

    @BeforeEach
    void open() {
        StoreFile opened = StoreFile.open(dir.resolve("store.mv.db"));
        file = opened.file();
        mvStore = opened.store();
        commits = new BackgroundCommits(mvStore, file);
        // as EmbeddedStore binds it: every request that writes passes the commits' gate
        server = StoreServer.bind(new BsonH2Backend(mvStore), new InetSocketAddress("127.0.0.1", 0), commits::command);
        InetSocketAddress address = server.address();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterEach
    void close() {
        if (reopened != null) {
            reopened.close();
        } else {
            crash();
        }
    }

    /** What kill -9 leaves: the file as the last commit wrote it. */
    private void crash() {
        if (client != null) {
            client.close();
            commits.stop(Duration.ofSeconds(5));
            mvStore.closeImmediately();
            server.close(); // leaves the backend open: closing it would commit
            client = null;
        }
    }

    private MongoDatabase db() {
        return client.getDatabase(StoreNames.DEFAULT_DATABASE);
    }

    private MongoDatabase afterCrash() {
        crash();
        reopened = new ReopenableStore(dir);
        reopened.open();
        return reopened.database();
    }

    private static List<Document> docs(String prefix) {
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < DOCS; i++) {
            out.add(new Document("_id", prefix + i).append("n", 1L).append("pad", "x".repeat(200)));
        }
        return out;
    }

    @Test
    void writesMadeWhileACommitIsWrittenOutStayOutOfItAndUpdatesLeaveItsDocumentsAsTheyWere() throws Exception {
        db().getCollection(StoreNames.SAMPLES).insertMany(docs("a"));
        db().getCollection("counters").insertOne(new Document("_id", "c").append("n", 1L));

        // a commit held right after its snapshot, before it has written anything
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread committing = new Thread(() -> {
            file.whenSnapshotTaken(() -> {
                taken.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            mvStore.commit();
            file.whenSnapshotTaken(null);
        });
        committing.start();
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

        db().getCollection(StoreNames.SAMPLES).insertMany(docs("b"));
        db().getCollection(StoreNames.SAMPLES).updateOne(Filters.eq("_id", "a0"), Updates.set("n", 2L));
        db().getCollection("counters").updateOne(Filters.eq("_id", "c"), Updates.inc("n", 1L));
        db().getCollection("counters").insertOne(new Document("_id", "d").append("n", 1L));
        release.countDown();
        committing.join(10_000);
        assertThat(committing.isAlive()).isFalse();
        assertThat(db().getCollection("counters").find(Filters.eq("_id", "c")).first())
                .as("the store itself has the update")
                .containsEntry("n", 2L);

        MongoDatabase db = afterCrash();
        var samples = db.getCollection(StoreNames.SAMPLES);
        assertThat(samples.countDocuments()).isEqualTo(DOCS);
        assertThat(samples.countDocuments(Filters.regex("_id", "^b"))).isZero();
        assertThat(samples.find(Filters.eq("_id", "a0")).first())
                .as("updated in place, the commit would have written the new value")
                .containsEntry("n", 1L);
        assertThat(db.getCollection("counters").find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", "c").append("n", 1L));
        samples.insertOne(new Document("_id", "b0"));
        assertThat(samples.countDocuments(Filters.eq("_id", "b0")))
                .as("nor is its key in the _id index")
                .isEqualTo(1);
    }

    @Test
    void startReturnsAfterTheSnapshotAndItsFutureOnceTheCommitIsOnDisk() throws Exception {
        db().getCollection(StoreNames.SAMPLES).insertMany(docs("a"));
        CompletableFuture<Void> durable = commits.start();
        db().getCollection(StoreNames.SAMPLES).insertMany(docs("b"));
        db().getCollection(StoreNames.SAMPLES).updateMany(Filters.regex("_id", "^a"), Updates.inc("n", 1L));
        durable.get(10, TimeUnit.SECONDS);

        var samples = afterCrash().getCollection(StoreNames.SAMPLES);
        assertThat(samples.countDocuments()).isEqualTo(DOCS);
        assertThat(samples.countDocuments(Filters.eq("n", 1L))).isEqualTo(DOCS);
    }

    @Test
    void aCommitIsOnDiskAfterTheOnesAskedBeforeItAndOneWithNothingToWriteCompletes() throws Exception {
        db().getCollection(StoreNames.SAMPLES).insertMany(docs("a"));
        CompletableFuture<Void> first = commits.start();
        db().getCollection(StoreNames.SAMPLES).insertMany(docs("b"));
        commits.start().get(10, TimeUnit.SECONDS); // commits run in the order asked
        assertThat(first).isCompleted();
        commits.start().get(10, TimeUnit.SECONDS); // nothing changed since

        assertThat(afterCrash().getCollection(StoreNames.SAMPLES).countDocuments())
                .isEqualTo(2 * DOCS);
    }

    @Test
    void withinWritingStartReturnsAtOnceAndItsCommitWaitsForTheWritesToEnd() throws Exception {
        CompletableFuture<Void> durable = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> commits.writing(() -> {
                    db().getCollection(StoreNames.SAMPLES).insertMany(docs("a"));
                    CompletableFuture<Void> f = commits.start();
                    db().getCollection(StoreNames.SAMPLES).insertMany(docs("b"));
                    assertThat(f).as("no commit while the writes run").isNotDone();
                    return f;
                }));
        durable.get(10, TimeUnit.SECONDS);

        assertThat(afterCrash().getCollection(StoreNames.SAMPLES).countDocuments())
                .as("the commit holds the writes made after start, within the same writing")
                .isEqualTo(2 * DOCS);
    }

    @Test
    void commitsAskedForWhileWritesRunAreMadeDurableTogetherByOneCommit() throws Exception {
        long before = mvStore.getCurrentVersion();
        List<CompletableFuture<Void>> durable = commits.writing(() -> {
            List<CompletableFuture<Void>> asked = new ArrayList<>();
            for (String batch : List.of("a", "b", "c")) {
                db().getCollection(StoreNames.SAMPLES).insertMany(docs(batch));
                asked.add(commits.start());
            }
            return asked;
        });
        CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(mvStore.getCurrentVersion()).as("one commit").isEqualTo(before + 1);
        assertThat(afterCrash().getCollection(StoreNames.SAMPLES).countDocuments())
                .isEqualTo(3 * DOCS);
    }

    @Test
    void aWriterWaitingToWriteGetsInOnlyAfterTheCommitWaitingBeforeItHasTakenItsSnapshot() throws Exception {
        // the writer holds the writes; a commit is asked from another thread and waits for them to end
        CountDownLatch writerIn = new CountDownLatch(1);
        CountDownLatch writerOut = new CountDownLatch(1);
        Thread writer = new Thread(() -> commits.writing(() -> {
            db().getCollection(StoreNames.SAMPLES).insertMany(docs("a"));
            writerIn.countDown();
            try {
                writerOut.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        writer.start();
        assertThat(writerIn.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<CompletableFuture<Void>> asked = CompletableFuture.supplyAsync(commits::start);
        await().atMost(Duration.ofSeconds(10)).until(commits::isSnapshotWaiting);
        assertThat(asked).as("start outside writing waits for the snapshot").isNotDone();
        writerOut.countDown();
        CompletableFuture<Void> durable = asked.get(10, TimeUnit.SECONDS);
        // the next writes, once in, are after that snapshot whatever the timing
        commits.writing(() -> db().getCollection(StoreNames.SAMPLES).insertMany(docs("b")));
        durable.get(10, TimeUnit.SECONDS);
        writer.join(10_000);

        assertThat(afterCrash().getCollection(StoreNames.SAMPLES).countDocuments())
                .isEqualTo(DOCS);
    }

    @Test
    void aCommitWaitsForAnotherClientsWriteInProgressAndWritesComingMeanwhileWaitForItsSnapshotWhileReadsGoOn()
            throws Exception {
        db().getCollection(StoreNames.SAMPLES).insertMany(docs("a"));
        // a request of another client (an API write) in progress at the store's server
        CountDownLatch requestIn = new CountDownLatch(1);
        CountDownLatch requestOut = new CountDownLatch(1);
        Thread request = new Thread(() -> commits.command(() -> {
            requestIn.countDown();
            awaitQuietly(requestOut);
        }));
        request.start();
        assertThat(requestIn.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<CompletableFuture<Void>> asked = CompletableFuture.supplyAsync(commits::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waitingAtRequestGate() == 1);
        CompletableFuture<Void> later = CompletableFuture.runAsync(
                () -> db().getCollection(StoreNames.SAMPLES).insertMany(docs("b")));
        await().atMost(Duration.ofSeconds(10)).until(() -> commits.waitingAtRequestGate() == 2);
        assertThat(db().getCollection(StoreNames.SAMPLES).countDocuments())
                .as("a read goes on while the commit waits")
                .isEqualTo(DOCS);
        assertThat(asked).as("no snapshot while the request runs").isNotDone();
        assertThat(later)
                .as("an insert coming meanwhile waits for the snapshot")
                .isNotDone();

        requestOut.countDown();
        CompletableFuture<Void> durable = asked.get(10, TimeUnit.SECONDS);
        later.get(10, TimeUnit.SECONDS);
        durable.get(10, TimeUnit.SECONDS);
        request.join(10_000);

        assertThat(afterCrash().getCollection(StoreNames.SAMPLES).countDocuments())
                .as("the commit holds what was written before its snapshot, not the insert that waited for it")
                .isEqualTo(DOCS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aCommitAskedForOnceStoppedFails() {
        commits.stop(Duration.ofSeconds(5));
        assertThat(commits.start()).isCompletedExceptionally();
    }
}
