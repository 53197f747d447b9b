package io.meterhub.store.embedded;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;

/**
 * Commits the H2 store on a thread of its own, so that the store writer can write its next batch while H2 serializes
 * and writes the last one.
 *
 * <p>An H2 commit first takes a snapshot: it moves every map to the next version and collects the roots of what
 * changed, which is quick; then it serializes those pages and writes them to the file, which is most of its time.
 * Writes made after the snapshot belong to the next version and cannot enter this commit; a write made while the
 * snapshot is taken could leave half an insert in it (a document without its index key). So {@link #start} returns
 * once the snapshot is taken, and the caller must not write while it runs. Every commit runs on the one thread, in
 * the order asked, so a commit is durable only after every commit asked before it.
 *
 * <p>Commits run while the store changes, which is safe as long as no stored value changes in place: the pages of
 * the snapshot hold the same instances as the maps ({@link BsonH2Collection} updates by copy).
 */
public final class BackgroundCommits implements AutoCloseable {

    private final MVStore store;
    private final ReusingFileStore file;
    private final ExecutorService thread;

    public BackgroundCommits(MVStore store, ReusingFileStore file) {
        this.store = store;
        this.file = file;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "meterhub-store-commit");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts committing everything written so far and returns once the commit has taken its snapshot; the future
     * completes when it is on disk, or exceptionally with what stopped it (e.g. the store is closed).
     */
    public CompletableFuture<Void> start() {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        CountDownLatch taken = new CountDownLatch(1);
        try {
            thread.execute(() -> commit(taken, durable));
        } catch (RejectedExecutionException e) {
            durable.completeExceptionally(new IllegalStateException("the store is closed"));
            return durable;
        }
        boolean interrupted = false;
        while (true) {
            try {
                taken.await();
                break;
            } catch (InterruptedException e) {
                // the commit goes on whatever this thread does; returning before its snapshot would let writes in
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return durable;
    }

    private void commit(CountDownLatch taken, CompletableFuture<Void> durable) {
        file.whenSnapshotTaken(taken::countDown);
        try {
            if (store.isClosed()) {
                // H2 returns from a commit on a closed store as from one with nothing to write
                throw new IllegalStateException("the store is closed");
            }
            store.commit(); // with nothing to write, no snapshot: the finally lets the caller go on
            durable.complete(null);
        } catch (Throwable e) {
            durable.completeExceptionally(e);
        } finally {
            file.whenSnapshotTaken(null);
            taken.countDown();
        }
    }

    /** Finishes the commits asked for (waiting at most {@code timeout}) and takes no more. */
    public void stop(Duration timeout) {
        thread.shutdown();
        try {
            thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
