package io.meterhub.store;

import io.meterhub.model.DeadLetter;
import io.meterhub.model.Json;
import io.meterhub.model.Translation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for ingest: callers on any thread submit translated notifications, dead letters or items for the
 * repository's {@link BatchContributor}s (e.g. entries posted to a feed) and get a future
 * that completes once the item is durably stored. One writer thread gathers up to {@code maxBatch} items, waiting at
 * most {@code maxDelay} after the first, and writes them in one round trip. It goes on with the next batch while the
 * store makes the last one durable ({@link BatchStore#start}); each batch's futures complete once it is. A failed
 * batch is retried with growing back-off until it succeeds or the writer stops; a batch whose durability failed fails
 * its futures; items still pending at stop fail theirs, so their broker messages stay unacknowledged and are
 * redelivered.
 */
public final class BatchingWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriter.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /**
     * An item queued, and whether it finishes a message of its own: a translation or a dead letter does; a dead letter
     * written beside its message's translation ({@link #submit(Translation, DeadLetter)}) and a contributor item do
     * not.
     */
    private record Pending(Object item, CompletableFuture<Void> done, boolean message) {}

    private final BatchStore repository;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean running = true;

    /** Completes once the last batch written is durable and its futures are complete; only the writer sets it. */
    private volatile CompletableFuture<Void> lastDurable = CompletableFuture.completedFuture(null);

    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();

    public BatchingWriter(BatchStore repository, int maxBatch, Duration maxDelay, int capacity, Clock clock) {
        this.repository = repository;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelay.toNanos();
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "meterhub-store-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a translated notification; blocks while the queue is full (back-pressure to the consumers). What its
     * writing needs of it alone is prepared first, on this thread ({@link BatchStore#prepare}).
     */
    public CompletableFuture<Void> submit(Translation translation) {
        if (running) {
            try {
                repository.prepare(translation);
            } catch (RuntimeException e) {
                // the writer computes it with the batch instead, and meets the same problem there
                LOG.debug(
                        "preparing notification {} failed: {}",
                        translation.source().messageId(),
                        e.toString());
            }
        }
        return enqueue(translation, true);
    }

    /**
     * Queues what could be made of a notification and the dead letter saying what could not: one message, finished
     * once both are durable.
     */
    public CompletableFuture<Void> submit(Translation translation, DeadLetter partial) {
        CompletableFuture<Void> stored = submit(translation);
        return CompletableFuture.allOf(stored, enqueue(partial, false));
    }

    /** Queues a dead letter; blocks while the queue is full. */
    public CompletableFuture<Void> submit(DeadLetter deadLetter) {
        return enqueue(deadLetter, true);
    }

    /**
     * Queues an item for the repository's {@link BatchContributor}s; blocks while the queue is full. The future
     * completes once the batch holding it is durable, and fails when the store refuses the item on its own.
     */
    public CompletableFuture<Void> submit(ContributorItem item) {
        return enqueue(item, false);
    }

    private CompletableFuture<Void> enqueue(Object item, boolean message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the store writer is stopped"));
            return done;
        }
        try {
            queue.put(new Pending(item, done, message));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                gather(batch);
                if (!batch.isEmpty()) {
                    long start = System.nanoTime();
                    try {
                        writeWithRetry(batch);
                    } finally {
                        busyNanos.addAndGet(System.nanoTime() - start);
                    }
                }
            } catch (InterruptedException e) {
                // stop() interrupted a back-off or a wait: what this batch holds was not written
                IllegalStateException stopped = new IllegalStateException("the store writer stopped");
                batch.forEach(p -> p.done().completeExceptionally(stopped));
                if (!running) {
                    break;
                }
            }
            batch.clear();
        }
        awaitLastDurable();
    }

    /** Waits for the durability of the last batch, so that stopping the writer leaves no batch in flight. */
    private void awaitLastDurable() {
        try {
            lastDurable.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the batch's futures carry the failure
        }
    }

    private void gather(List<Pending> batch) throws InterruptedException {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + maxDelayNanos;
        while (batch.size() < maxBatch) {
            queue.drainTo(batch, maxBatch - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= maxBatch || left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    /**
     * Writes the batch, retrying passing faults with growing back-off. When the store refuses the batch itself (it
     * answered, and would answer the same again), the items are written one by one, so that one bad item cannot
     * hold up the others; a notification the store refuses on its own becomes a {@code store-rejected} dead letter.
     */
    private void writeWithRetry(List<Pending> batch) throws InterruptedException {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                write(batch);
                return;
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                if (!running) {
                    batch.forEach(p -> p.done().completeExceptionally(new CompletionException(e)));
                    return;
                }
                if (StoreErrors.isRefusal(e)) {
                    isolate(batch, e);
                    return;
                }
                LOG.warn(
                        "store write of {} items failed, retrying in {} ms: {}",
                        batch.size(),
                        backoff.toMillis(),
                        e.toString());
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void isolate(List<Pending> batch, RuntimeException refusal) throws InterruptedException {
        if (batch.size() > 1) {
            LOG.warn(
                    "the store refused a batch of {} items, writing them one by one: {}",
                    batch.size(),
                    refusal.toString());
            for (Pending p : batch) {
                writeWithRetry(List.of(p));
            }
            return;
        }
        Pending p = batch.get(0);
        if (p.item() instanceof Translation t) {
            LOG.error(
                    "the store refused notification {}; dead-lettering it: {}",
                    t.source().messageId(),
                    refusal.toString());
            writeWithRetry(List.of(
                    new Pending(asDeadLetter(t, "store-rejected", refusal.getMessage()), p.done(), p.message())));
        } else if (p.item() instanceof DeadLetter dl) {
            LOG.error(
                    "the store refused dead letter {}; its message stays unacknowledged: {}",
                    dl.id(),
                    refusal.toString());
            p.done().completeExceptionally(refusal);
        } else {
            LOG.error("the store refused item {}: {}", ((ContributorItem) p.item()).id(), refusal.toString());
            p.done().completeExceptionally(refusal);
        }
    }

    private void write(List<Pending> batch) {
        List<Translation> translations = new ArrayList<>();
        List<DeadLetter> dead = new ArrayList<>();
        List<ContributorItem> items = new ArrayList<>();
        for (Pending p : batch) {
            if (p.item() instanceof Translation t) {
                translations.add(t);
            } else if (p.item() instanceof DeadLetter dl) {
                dead.add(dl);
            } else {
                items.add((ContributorItem) p.item());
            }
        }
        BatchStore.Started started = repository.start(new WriteBatch(translations, dead, items));
        WriteOutcome outcome = started.outcome();
        CompletableFuture<Void> durable = started.durable();
        if (!outcome.rejected().isEmpty()) {
            // rare: the refused notifications' dead letters are written before any of the batch is acknowledged
            DurabilityBarrier.await(durable); // its failure is thrown: the batch is written again
            repository.write(new WriteBatch(List.of(), rejectedAsDeadLetters(translations, outcome)));
            durable = CompletableFuture.completedFuture(null);
        }
        List<Pending> written = List.copyOf(batch); // the writer reuses its list for the next batch
        lastDurable = durable.handle((ok, failure) -> {
            if (failure != null) {
                failures.incrementAndGet();
                LOG.error(
                        "making a batch of {} items durable failed; their messages are not acknowledged: {}",
                        written.size(),
                        failure.toString());
                CompletionException failed = new CompletionException(failure);
                written.forEach(p -> p.done().completeExceptionally(failed));
                return null;
            }
            batches.incrementAndGet();
            duplicates.addAndGet(outcome.duplicates());
            messages.addAndGet(written.stream().filter(Pending::message).count());
            long refused = translations.stream()
                    .filter(t -> outcome.rejected().containsKey(t.source().messageId()))
                    .count(); // stored as dead letters instead (rejectedAsDeadLetters)
            notifications.addAndGet(translations.size() - refused);
            deadLetters.addAndGet(dead.size() + refused);
            written.forEach(p -> p.done().complete(null));
            return null;
        });
    }

    private List<DeadLetter> rejectedAsDeadLetters(List<Translation> translations, WriteOutcome outcome) {
        List<DeadLetter> out = new ArrayList<>();
        for (Translation t : translations) {
            String why = outcome.rejected().get(t.source().messageId());
            if (why != null) {
                out.add(asDeadLetter(t, "store-rejected", why));
            }
        }
        return out;
    }

    /** A dead letter keeping the notification's inner message as its body. */
    private DeadLetter asDeadLetter(Translation t, String reason, String detail) {
        byte[] body;
        try {
            body = Json.mapper().writeValueAsBytes(t.source().message());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            body = new byte[0];
        }
        return new DeadLetter(t.source().messageId(), reason, detail, "store", clock.instant(), body);
    }

    /**
     * Messages finished so far: each notification or refused input whose writes are durable, counted once, also when
     * part of it was stored and the rest dead-lettered (which counts in both {@link #notificationsStored} and
     * {@link #deadLettersStored}).
     */
    public long messagesFinished() {
        return messages.get();
    }

    /**
     * Notifications stored so far (including redeliveries absorbed as duplicates); one the store refused is counted
     * in {@link #deadLettersStored} instead.
     */
    public long notificationsStored() {
        return notifications.get();
    }

    public long deadLettersStored() {
        return deadLetters.get();
    }

    public long batchesWritten() {
        return batches.get();
    }

    public long duplicateDocuments() {
        return duplicates.get();
    }

    public long failedWrites() {
        return failures.get();
    }

    /** Time spent writing batches (including retries), as against waiting for items. */
    public long busyNanos() {
        return busyNanos.get();
    }

    /** Items waiting for the writer. */
    public int queued() {
        return queue.size();
    }

    /**
     * Stops accepting items, writes what is queued (waiting at most {@code timeout}), then fails whatever is left.
     */
    public void stop(Duration timeout) {
        running = false;
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new IllegalStateException("the store writer stopped")));
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
