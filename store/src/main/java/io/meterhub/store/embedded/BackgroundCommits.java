package io.meterhub.store.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * Commits the H2 store on a thread of its own, so that the store writer can write its next batch while H2 serializes
 * and writes the last one; and makes every batch asked for while a commit runs durable with the next commit, one for
 * all of them (group commit), so that the writer never waits for a commit to finish.
 *
 * <p>An H2 commit first takes a snapshot: it moves every map to the next version and collects the roots of what
 * changed, which is quick; then it serializes those pages and writes them to the file, which is most of its time.
 * Writes made after the snapshot belong to the next version and cannot enter this commit; a write made while the
 * snapshot is taken could leave half an insert in it (a document without its index key). So a snapshot is taken only
 * while no write runs: writes made within {@link #writing} keep the commit thread from taking one until they end
 * (a fair lock: the commit thread gets it at the writer's next boundary, however fast the writer comes back), and
 * {@link #start} called outside of it returns only once the commit has taken its snapshot, so that the caller's own
 * later writes stay out. Every commit runs on the one thread, in the order asked, so a commit is durable only after
 * every commit asked before it.
 *
 * <p>Commits run while the store changes, which is safe as long as no stored value changes in place: the pages of
 * the snapshot hold the same instances as the maps ({@link BsonH2Collection} updates by copy).
 */
public final class BackgroundCommits implements AutoCloseable {

    private final MVStore store;
    private final ReusingFileStore file;
    private final ReentrantLock writes = new ReentrantLock(true);
    /** Shared by the server's requests that write, taken exclusively by the commit thread for its snapshot. */
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();

    private final Object monitor = new Object();
    /** Commits asked for that the commit thread has not taken yet; guarded by {@link #monitor}. */
    private List<Asked> asked = new ArrayList<>();
    /** Guarded by {@link #monitor}. */
    private boolean stopped;

    private final Thread thread;

    /** One {@link #start}: told when the commit covering it has taken its snapshot, and when it is durable. */
    private record Asked(CountDownLatch taken, CompletableFuture<Void> durable) {}

    public BackgroundCommits(MVStore store, ReusingFileStore file) {
        this.store = store;
        this.file = file;
        this.thread = new Thread(this::run, "meterhub-store-commit");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code writes}, during which no commit takes its snapshot, and returns their result. A {@link #start}
     * called within returns at once: the commit that covers these writes takes its snapshot after they end.
     */
    public <T> T writing(Supplier<T> writes) {
        this.writes.lock();
        try {
            return writes.get();
        } finally {
            this.writes.unlock();
        }
    }

    /**
     * Runs one request of the store's server that may change the store (a whole {@code insert}, {@code update}...):
     * no commit takes its snapshot while it runs, whichever client sent it. Requests run side by side; one that
     * comes while a commit waits for the running ones to end to take its snapshot waits for that snapshot.
     */
    public void command(Runnable request) {
        commands.readLock().lock();
        try {
            request.run();
        } finally {
            commands.readLock().unlock();
        }
    }

    /** Whether a commit is waiting for writes to end to take its snapshot. */
    boolean isSnapshotWaiting() {
        return writes.hasQueuedThreads() || commands.hasQueuedThreads();
    }

    /** Threads waiting at the requests' gate: a commit waiting for its snapshot, requests waiting for it. */
    int waitingAtRequestGate() {
        return commands.getQueueLength();
    }

    /** Whether the calling thread is within {@link #writing}: waiting for a commit there would wait for ever. */
    public boolean isWritingHere() {
        return writes.isHeldByCurrentThread();
    }

    /**
     * Asks for a commit of everything written so far. Within {@link #writing} it returns at once; outside, once the
     * commit has taken its snapshot. The future completes when it is on disk, or exceptionally with what stopped it
     * (e.g. the store is closed).
     */
    public CompletableFuture<Void> start() {
        Asked a = new Asked(new CountDownLatch(1), new CompletableFuture<>());
        synchronized (monitor) {
            if (stopped) {
                a.durable().completeExceptionally(new IllegalStateException("the store is closed"));
                return a.durable();
            }
            asked.add(a);
            monitor.notifyAll();
        }
        if (!isWritingHere()) {
            awaitUninterruptibly(a.taken()); // returning before its snapshot would let this caller's writes in
        }
        return a.durable();
    }

    private void run() {
        while (true) {
            synchronized (monitor) {
                while (asked.isEmpty() && !stopped) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        // the thread is the store's: it stops when stop() says so
                    }
                }
                if (asked.isEmpty()) {
                    return;
                }
            }
            writes.lock(); // no batch is written from here until the snapshot is taken
            commands.writeLock().lock(); // nor any request of the server's other clients
            List<Asked> these;
            synchronized (monitor) {
                these = asked;
                asked = new ArrayList<>();
            }
            commit(these);
        }
    }

    private void commit(List<Asked> these) {
        file.whenSnapshotTaken(() -> snapshotTaken(these));
        try {
            if (store.isClosed()) {
                // H2 returns from a commit on a closed store as from one with nothing to write
                throw new IllegalStateException("the store is closed");
            }
            store.commit(); // with nothing to write, no snapshot: the finally lets the writers go on
            these.forEach(a -> a.durable().complete(null));
        } catch (Throwable e) {
            these.forEach(a -> a.durable().completeExceptionally(e));
        } finally {
            file.whenSnapshotTaken(null);
            snapshotTaken(these);
        }
    }

    private void snapshotTaken(List<Asked> these) {
        if (commands.isWriteLockedByCurrentThread()) {
            commands.writeLock().unlock();
        }
        if (writes.isHeldByCurrentThread()) {
            writes.unlock();
        }
        these.forEach(a -> a.taken().countDown());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                // the commit goes on whatever this thread does
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Finishes the commits asked for (waiting at most {@code timeout}) and takes no more. */
    public void stop(Duration timeout) {
        synchronized (monitor) {
            stopped = true;
            monitor.notifyAll();
        }
        try {
            thread.join(TimeUnit.MILLISECONDS.convert(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
