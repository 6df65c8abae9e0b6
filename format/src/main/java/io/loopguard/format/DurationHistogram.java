package io.loopguard.format;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the durations of one call site's calls were distributed, in fixed log-scale buckets: one for everything under
 * 1,024 ns, then four per power of two up to 2^43 ns (about 2.4 hours; longer calls count in the last bucket). A
 * bucket is at most a quarter of its lower bound wide, so a percentile read from it (interpolated inside the bucket and
 * kept within the site's min and max) is within 25 % of the exact one, usually far closer. The buckets are the same in
 * every JVM, so histograms of several runs add up exactly, and the agent keeps one as a fixed array of counters: no
 * allocation per call, a bounded size per site.
 *
 * <p>In the data file (the optional call-site member {@code histogram}) a histogram is an object from a bucket's
 * upper bound in nanoseconds (exclusive, as a string key) to the number of calls in that bucket; empty buckets are left
 * out. A reader maps any key to the bucket that holds {@code key - 1}, so the keys document themselves.
 */
public final class DurationHistogram {
    /** The bucket of durations under 1,024 ns, then {@value #PER_OCTAVE} per power of two from 2^10 to 2^43 ns. */
    public static final int BUCKETS = 1 + 33 * 4;
    private static final int PER_OCTAVE = 4;
    private static final int FIRST_EXPONENT = 10;
    private static final int LAST_EXPONENT = FIRST_EXPONENT + (BUCKETS - 2) / PER_OCTAVE;

    private final long[] counts;

    private DurationHistogram(long[] counts) {
        this.counts = counts;
    }

    /** A histogram of {@code counts}, one per bucket ({@link #BUCKETS} of them; copied). */
    public static DurationHistogram of(long[] counts) {
        if (counts.length != BUCKETS) {
            throw new IllegalArgumentException("expected " + BUCKETS + " buckets, got " + counts.length);
        }
        for (long n : counts) {
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n);
            }
        }
        return new DurationHistogram(counts.clone());
    }

    /** A histogram of single calls of the given durations (tests, and sites of one call). */
    public static DurationHistogram ofDurations(long... nanos) {
        long[] counts = new long[BUCKETS];
        for (long n : nanos) {
            counts[bucketOf(n)]++;
        }
        return new DurationHistogram(counts);
    }

    /**
     * The bucket of a duration: cheap enough for every recorded call (a leading-zero count and two shifts).
     * Negative durations (a clock step) count as the shortest.
     */
    public static int bucketOf(long nanos) {
        if (nanos < (1L << FIRST_EXPONENT)) {
            return 0;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(nanos);
        if (exponent > LAST_EXPONENT) {
            return BUCKETS - 1;
        }
        return 1 + (exponent - FIRST_EXPONENT) * PER_OCTAVE + (int) ((nanos >>> (exponent - 2)) & (PER_OCTAVE - 1));
    }

    /** The smallest duration in {@code bucket}. */
    public static long lowerBound(int bucket) {
        if (bucket == 0) {
            return 0;
        }
        int exponent = FIRST_EXPONENT + (bucket - 1) / PER_OCTAVE;
        return (1L << exponent) + (long) ((bucket - 1) % PER_OCTAVE) * (1L << (exponent - 2));
    }

    /** The first duration past {@code bucket} (its exclusive upper bound). */
    public static long upperBound(int bucket) {
        if (bucket == 0) {
            return 1L << FIRST_EXPONENT;
        }
        return lowerBound(bucket) + (1L << (FIRST_EXPONENT + (bucket - 1) / PER_OCTAVE - 2));
    }

    /** The number of calls in {@code bucket}. */
    public long count(int bucket) {
        return counts[bucket];
    }

    /** The number of calls in all buckets. */
    public long count() {
        long sum = 0;
        for (long n : counts) {
            sum += n;
        }
        return sum;
    }

    /**
     * The duration below which a share {@code q} (0 to 1) of the calls fell, interpolated linearly inside its bucket
     * and kept within {@code [minNanos, maxNanos]} (the site's exact extremes); 0 for an empty histogram.
     */
    public long percentile(double q, long minNanos, long maxNanos) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        double rank = Math.max(1.0, Math.ceil(q * total));
        long before = 0;
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            long n = counts[bucket];
            if (n > 0 && before + n >= rank) {
                long low = Math.max(lowerBound(bucket), minNanos);
                long high = Math.min(upperBound(bucket), maxNanos);
                if (high <= low) {
                    return Math.max(minNanos, Math.min(maxNanos, low));
                }
                return low + (long) ((high - low) * ((rank - before) / n));
            }
            before += n;
        }
        return maxNanos;
    }

    /** The two histograms as one: counts added up (two runs of one call site). */
    public DurationHistogram plus(DurationHistogram other) {
        long[] sum = counts.clone();
        for (int i = 0; i < BUCKETS; i++) {
            sum[i] += other.counts[i];
        }
        return new DurationHistogram(sum);
    }

    /** The non-empty buckets as (exclusive upper bound in nanoseconds → calls), shortest first: the data file's form. */
    public Map<Long, Long> byUpperBound() {
        Map<Long, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] > 0) {
                out.put(upperBound(i), counts[i]);
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DurationHistogram other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "DurationHistogram" + byUpperBound();
    }
}
