package io.loopguard.bench;

import io.loopguard.format.DurationHistogram;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not part of {@code run.sh}: what the per-site duration histogram adds to every recorded call, measured alone because
 * it is far below the noise of the whole recording path ({@code RecordingBenchmark}, about 1 µs). The agent's
 * {@code CallSiteAggregate.add} already does the {@link #countAndTotal} part; the histogram adds one
 * {@link DurationHistogram#bucketOf} and one {@code incrementAndGet} on a counter array of the site.
 * Durations cycle over six magnitudes (1 µs to 1 s) so the bucket is not a constant.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar Histogram -f 1 -wi 3 -w 1s -i 5 -r 1s [-jvm JDK/bin/java]}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HistogramBenchmark {
    private static final long[] DURATIONS = {1_234L, 56_789L, 2_345_678L, 34_567_890L, 456_789_012L, 987_654L};
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLongArray buckets = new AtomicLongArray(DurationHistogram.BUCKETS);
    private int next;

    private long duration() {
        int i = next;
        next = i == DURATIONS.length - 1 ? 0 : i + 1;
        return DURATIONS[i];
    }

    /** Count and total of a call, as before the histogram. */
    @Benchmark
    public long countAndTotal() {
        long nanos = duration();
        count.incrementAndGet();
        return total.addAndGet(nanos);
    }

    /** The same plus the histogram's bucket. */
    @Benchmark
    public long countTotalAndHistogram() {
        long nanos = duration();
        count.incrementAndGet();
        buckets.incrementAndGet(DurationHistogram.bucketOf(nanos));
        return total.addAndGet(nanos);
    }
}
