package io.meterhub.store;

/**
 * Makes the writes acknowledged so far survive a crash of this process. Called after every batch and before the
 * broker messages behind it are acknowledged.
 */
@FunctionalInterface
public interface DurabilityBarrier {

    /** For a real MongoDB: the write concern already made the writes durable. */
    DurabilityBarrier WRITE_CONCERN = () -> {};

    void sync();
}
