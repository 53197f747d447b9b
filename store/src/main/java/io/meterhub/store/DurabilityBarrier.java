package io.meterhub.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
     * is called. The future completes once they are durable, or exceptionally when that failed. By default they are
     * durable when it returns.
     */
    default CompletableFuture<Void> start() {
        sync();
        return CompletableFuture.completedFuture(null);
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
