package io.meterhub.bench;

/** A count of messages handled in a measured time. */
public record Measurement(long count, long nanos) {

    public static Measurement since(long count, long startNanos) {
        return new Measurement(count, System.nanoTime() - startNanos);
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** Messages per second; 0 when no time passed. */
    public double rate() {
        return nanos <= 0 ? 0 : count / seconds();
    }
}
