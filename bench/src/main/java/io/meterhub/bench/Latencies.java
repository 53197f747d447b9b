package io.meterhub.bench;

import java.util.Arrays;
import java.util.Locale;

/** Request latencies and their percentiles. */
final class Latencies {

    private final long[] nanos;
    private int size;

    Latencies(int capacity) {
        nanos = new long[capacity];
    }

    void add(long n) {
        nanos[size++] = n;
    }

    /** The value below which {@code p} (0..1) of the latencies fall, in milliseconds (nearest rank). */
    double percentileMillis(double p) {
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }

    String summary() {
        return String.format(
                Locale.ROOT,
                "n=%d  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms",
                size,
                percentileMillis(0.50),
                percentileMillis(0.90),
                percentileMillis(0.99),
                percentileMillis(1.0));
    }
}
