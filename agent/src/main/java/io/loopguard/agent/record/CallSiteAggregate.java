package io.loopguard.agent.record;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

import io.loopguard.agent.util.EpochClock;
import io.loopguard.format.CallSite;
import io.loopguard.format.DurationHistogram;
import io.loopguard.format.Frame;
import io.loopguard.format.FrameText;

/**
 * Running totals of one call site, updated lock-free by every thread that hits it. Updating allocates nothing in
 * the common case (the thread's name is already listed). The durations' histogram is a fixed array of
 * {@link DurationHistogram#BUCKETS} counters (about 1 KiB per site, bounded by {@code maxSites} like the rest).
 */
final class CallSiteAggregate {
    static final int MAX_THREAD_NAMES = 16;
    private static final String[] NONE = new String[0];

    final String id;
    final String category;
    final String blockingMethod;
    final String detail;
    final List<Frame> stack;
    final boolean allowed;
    /** The framework allowance that matched (recorded as allowed), or null. */
    final String allowedBy;
    private final long firstSeenMillis = EpochClock.nowMillis();
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong minNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong maxNanos = new AtomicLong();
    private final AtomicLongArray histogram = new AtomicLongArray(DurationHistogram.BUCKETS);
    private volatile long lastSeenMillis = firstSeenMillis;
    private final AtomicReference<String[]> threads = new AtomicReference<>(NONE);
    private final AtomicReference<String[]> tests = new AtomicReference<>(NONE);
    /** The stack as the JFR event's text, made on the first event (a benign race: any thread's copy is equal). */
    private String stackText;

    CallSiteAggregate(String id, String category, String blockingMethod, String detail, List<Frame> stack, boolean allowed) {
        this(id, category, blockingMethod, detail, stack, allowed, null);
    }

    CallSiteAggregate(String id, String category, String blockingMethod, String detail, List<Frame> stack,
                      boolean allowed, String allowedBy) {
        this.allowedBy = allowedBy;
        this.id = id;
        this.category = category;
        this.blockingMethod = blockingMethod;
        this.detail = detail;
        this.stack = stack;
        this.allowed = allowed;
    }

    /**
     * One call on {@code threadName} that blocked {@code nanos} and ended at {@code endNanos} ({@code System.nanoTime()}'s
     * clock: the caller's reading, so recording a call reads no clock of its own), during the tests {@code testNames}
     * (may be empty).
     */
    void add(String threadName, long nanos, long endNanos, String[] testNames) {
        count.incrementAndGet();
        totalNanos.addAndGet(nanos);
        long min;
        while (nanos < (min = minNanos.get()) && !minNanos.compareAndSet(min, nanos)) {
            Thread.onSpinWait();
        }
        long max;
        while (nanos > (max = maxNanos.get()) && !maxNanos.compareAndSet(max, nanos)) {
            Thread.onSpinWait();
        }
        histogram.incrementAndGet(DurationHistogram.bucketOf(nanos));
        long millis = EpochClock.epochMillis(endNanos);
        if (millis > lastSeenMillis) { // a volatile write only when the millisecond moved on (a repeated site's calls)
            lastSeenMillis = millis;
        }
        addName(threads, threadName, MAX_THREAD_NAMES);
        for (String test : testNames) {
            addName(tests, test, CallSite.MAX_TESTS);
        }
    }

    String stackText() {
        String text = stackText;
        if (text == null) {
            text = FrameText.format(stack);
            stackText = text;
        }
        return text;
    }

    long count() {
        return count.get();
    }

    /** Adds {@code name} to the set {@code names} unless it is there or full; allocates only when it grows. */
    private static void addName(AtomicReference<String[]> set, String name, int max) {
        while (true) {
            String[] names = set.get();
            for (String known : names) {
                if (known.equals(name)) {
                    return;
                }
            }
            if (names.length >= max) {
                return;
            }
            String[] grown = Arrays.copyOf(names, names.length + 1);
            grown[names.length] = name;
            if (set.compareAndSet(names, grown)) {
                return;
            }
        }
    }

    /** A consistent-enough snapshot for the data file (each counter is read once). */
    CallSite snapshot() {
        long n = count.get();
        long min = minNanos.get();
        long[] buckets = new long[DurationHistogram.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = histogram.get(i);
        }
        return new CallSite(id, category, blockingMethod, detail, List.of(threads.get()), n, totalNanos.get(),
                min == Long.MAX_VALUE ? 0 : min, maxNanos.get(), Instant.ofEpochMilli(firstSeenMillis),
                Instant.ofEpochMilli(lastSeenMillis), stack, List.of(tests.get()), allowedBy,
                DurationHistogram.of(buckets));
    }
}
