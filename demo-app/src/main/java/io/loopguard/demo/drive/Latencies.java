package io.loopguard.demo.drive;

import java.util.Arrays;

/** Response times of one client, or of several merged. Not thread-safe: one per client thread, merged afterwards. */
final class Latencies {

    private long[] nanos = new long[256];
    private int size;
    private int errors;

    void add(long elapsedNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = elapsedNanos;
    }

    /** A request that failed or answered with an error status; its time is still a response time. */
    void addError(long elapsedNanos) {
        errors++;
        add(elapsedNanos);
    }

    void addAll(Latencies other) {
        long[] theirs = other.nanos;
        int count = Math.min(other.size, theirs.length);
        for (int i = 0; i < count; i++) {
            add(theirs[i]);
        }
        errors += other.errors;
    }

    int count() {
        return size;
    }

    int errors() {
        return errors;
    }

    /** Nearest-rank percentile in nanoseconds ({@code 0 < p <= 100}); 0 when empty. */
    long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size, rank) - 1)];
    }

    long max() {
        return percentile(100);
    }
}
