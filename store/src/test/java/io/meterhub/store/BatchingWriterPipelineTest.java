package io.meterhub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterhub.model.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer goes on with the next batch while the store makes the last one durable, and completes each batch's
 * futures only when that batch is durable (a store whose durability the test completes by hand).
 */
class BatchingWriterPipelineTest {

    /** A batch the writer handed over, and the durability the test completes. */
    private record Handed(WriteBatch batch, CompletableFuture<Void> durable) {}

    private final BlockingQueue<Handed> handed = new LinkedBlockingQueue<>();

    private final BatchStore store = new BatchStore() {
        @Override
        public WriteOutcome write(WriteBatch batch) {
            throw new AssertionError("the writer starts batches; it does not wait for them");
        }

        @Override
        public Started start(WriteBatch batch) {
            CompletableFuture<Void> durable = new CompletableFuture<>();
            handed.add(new Handed(batch, durable));
            return new Started(new WriteOutcome(batch.deadLetters().size(), 0, Map.of()), durable);
        }
    };

    private final BatchingWriter writer = new BatchingWriter(store, 1, Duration.ZERO, 16, Clock.systemUTC());

    @AfterEach
    void stop() {
        handed.forEach(h -> h.durable().complete(null));
        writer.stop(Duration.ofSeconds(5));
    }

    @Test
    void theNextBatchIsWrittenWhileTheLastIsMadeDurableAndEachCompletesWhenItsOwnIs() throws Exception {
        CompletableFuture<Void> a = writer.submit(deadLetter("a"));
        Handed first = next();
        CompletableFuture<Void> b = writer.submit(deadLetter("b"));
        Handed second = next();

        assertThat(first.batch().deadLetters()).extracting(DeadLetter::id).containsExactly("a");
        assertThat(second.batch().deadLetters())
                .as("written while the first is not durable yet")
                .extracting(DeadLetter::id)
                .containsExactly("b");
        assertThat(a).isNotDone();
        assertThat(b).isNotDone();

        first.durable().complete(null);
        a.get(5, TimeUnit.SECONDS);
        assertThat(b).as("its own batch is not durable yet").isNotDone();
        assertThat(writer.deadLettersStored()).isEqualTo(1);

        second.durable().complete(null);
        b.get(5, TimeUnit.SECONDS);
        assertThat(writer.deadLettersStored()).isEqualTo(2);
        assertThat(writer.batchesWritten()).isEqualTo(2);
    }

    @Test
    void aBatchWhoseDurabilityFailsFailsItsFuturesAndTheWriterGoesOn() throws Exception {
        CompletableFuture<Void> a = writer.submit(deadLetter("a"));
        Handed first = next();
        first.durable().completeExceptionally(new IllegalStateException("disk full"));

        assertThatThrownBy(() -> a.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("disk full");
        assertThat(writer.failedWrites()).isEqualTo(1);
        assertThat(writer.deadLettersStored()).isZero();

        CompletableFuture<Void> b = writer.submit(deadLetter("b"));
        next().durable().complete(null);
        b.get(5, TimeUnit.SECONDS);
        assertThat(writer.deadLettersStored()).isEqualTo(1);
    }

    @Test
    void aNotificationPartlyDeadLetteredIsOneMessageFinishedOnceBothAreDurable() throws Exception {
        CompletableFuture<Void> both = writer.submit(Fixtures.emptyTranslation("m"), deadLetter("m"));
        Handed translated = next();
        assertThat(translated.batch().translations()).hasSize(1);
        translated.durable().complete(null);
        Handed partial = next();
        assertThat(partial.batch().deadLetters()).extracting(DeadLetter::id).containsExactly("m");
        assertThat(both).as("its dead letter is not durable yet").isNotDone();
        partial.durable().complete(null);
        both.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> refused = writer.submit(deadLetter("n"));
        next().durable().complete(null);
        refused.get(5, TimeUnit.SECONDS);

        assertThat(writer.notificationsStored()).isEqualTo(1);
        assertThat(writer.deadLettersStored()).isEqualTo(2);
        assertThat(writer.messagesFinished())
                .as("the partly translated notification and the refused input, each once")
                .isEqualTo(2);
    }

    @Test
    void aNotificationTheStoreRefusesCountsAsADeadLetterNotAsStored() throws Exception {
        List<WriteBatch> deadLetterWrites = new java.util.concurrent.CopyOnWriteArrayList<>();
        BatchStore refusing = new BatchStore() {
            @Override
            public WriteOutcome write(WriteBatch batch) {
                deadLetterWrites.add(batch);
                return new WriteOutcome(batch.deadLetters().size(), 0, Map.of());
            }

            @Override
            public Started start(WriteBatch batch) {
                Map<String, String> rejected = new java.util.HashMap<>();
                batch.translations().stream()
                        .map(t -> t.source().messageId())
                        .filter("r"::equals)
                        .forEach(id -> rejected.put(id, "BadValue: refused for the test"));
                return new Started(
                        new WriteOutcome(batch.translations().size(), 0, rejected),
                        CompletableFuture.completedFuture(null));
            }
        };
        BatchingWriter w = new BatchingWriter(refusing, 1, Duration.ZERO, 16, Clock.systemUTC());
        try {
            CompletableFuture<Void> r = w.submit(Fixtures.emptyTranslation("r"));
            CompletableFuture<Void> s = w.submit(Fixtures.emptyTranslation("s"));
            CompletableFuture.allOf(r, s).get(5, TimeUnit.SECONDS);

            assertThat(deadLetterWrites)
                    .singleElement()
                    .satisfies(b -> assertThat(b.deadLetters()).singleElement().satisfies(dl -> {
                        assertThat(dl.id()).isEqualTo("r");
                        assertThat(dl.reason()).isEqualTo("store-rejected");
                    }));
            assertThat(w.notificationsStored()).isEqualTo(1);
            assertThat(w.deadLettersStored()).isEqualTo(1);
            assertThat(w.messagesFinished()).isEqualTo(2);
        } finally {
            w.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void stopReturnsOnlyOnceTheLastBatchIsDurable() throws Exception {
        CompletableFuture<Void> a = writer.submit(deadLetter("a"));
        Handed first = next();
        Thread stopping = new Thread(() -> writer.stop(Duration.ofSeconds(10)));
        stopping.start();

        stopping.join(300);
        assertThat(stopping.isAlive()).as("waits for the batch in flight").isTrue();
        assertThat(a).isNotDone();

        first.durable().complete(null);
        stopping.join(5_000);
        assertThat(stopping.isAlive()).isFalse();
        assertThat(a).isCompleted();
    }

    private Handed next() throws InterruptedException {
        Handed h = handed.poll(5, TimeUnit.SECONDS);
        assertThat(h).as("the writer handed a batch to the store").isNotNull();
        return h;
    }

    private static DeadLetter deadLetter(String id) {
        return new DeadLetter(
                id, "not-json", "body is not valid JSON", "test", Instant.now(), id.getBytes(StandardCharsets.UTF_8));
    }
}
