package io.meterhub.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Makes the writes acknowledged so far survive a crash of this process. Called after every batch and before the
 * broker messages behind it are acknowledged.
 */
@FunctionalInterface
public interface DurabilityBarrier {

    /** For a real MongoDB: the write concern already made the writes durable. */
    DurabilityBarrier WRITE_CONCERN = () -> {};

    /** Makes the writes acknowledged so far durable before it returns. */
    void sync();

    /**
     * Starts making the writes acknowledged so far durable and returns as soon as later writes can no longer enter
     * what it makes durable, so that the caller can write on while it completes; no write may be in progress when it
     * is called, except within {@link #writing}, where it may return at once. The future completes once they are
     * durable, or exceptionally when that failed. By default they are durable when it returns.
     */
    default CompletableFuture<Void> start() {
        sync();
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Runs {@code writes}, which what {@link #start} makes durable must hold whole or not at all, and returns their
     * result. Within it {@link #start} may return at once (the barrier takes its snapshot after the writes end), and
     * {@link #sync} must not be called: it would wait for that snapshot. By default it just runs them.
     */
    default <T> T writing(Supplier<T> writes) {
        return writes.get();
    }

    /** Waits until {@code durable} completes; throws what made it fail (a {@link RuntimeException} as itself). */
    static void await(CompletableFuture<Void> durable) {
        try {
            durable.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
