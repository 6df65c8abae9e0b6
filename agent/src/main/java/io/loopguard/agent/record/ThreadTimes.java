package io.loopguard.agent.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import io.loopguard.agent.util.EpochClock;
import io.loopguard.format.BlockedStretch;
import io.loopguard.format.Category;

/**
 * Time in recorded calls per event-loop thread name and category (stalls included), and each thread's longest
 * recorded calls and stalls with their start, for the data file's loop time. Updated by the thread that recorded the
 * call, lock-free for the times; allocates only for a thread's first call. A call shorter than the thread's current
 * {@link BlockedStretch#MAX_PER_LOOP}th longest costs one volatile read more; only a new longest one takes the
 * thread's lock (rare once a loop has run a while). Bounded at {@link #MAX_THREADS} names, like the registered names
 * (a program that registers a thread per task must not grow the agent's memory): later threads are not counted.
 */
public final class ThreadTimes {
    static final int MAX_THREADS = 1000;
    private static final int CATEGORIES = Category.values().length;
    private final ConcurrentHashMap<String, OneThread> byThread = new ConcurrentHashMap<>();

    /** One thread's times by category and its longest stretches. */
    private static final class OneThread {
        final AtomicLongArray nanos = new AtomicLongArray(CATEGORIES);
        /** The shortest of the kept stretches once {@link BlockedStretch#MAX_PER_LOOP} are kept, else 0. */
        volatile long floor;
        private final Category[] categories = new Category[BlockedStretch.MAX_PER_LOOP];
        private final String[] sites = new String[BlockedStretch.MAX_PER_LOOP];
        private final long[] startMillis = new long[BlockedStretch.MAX_PER_LOOP];
        private final long[] lengths = new long[BlockedStretch.MAX_PER_LOOP];
        private int kept;

        synchronized void offer(Category category, String site, long startNanos, long length) {
            int slot;
            if (kept < lengths.length) {
                slot = kept++;
            } else {
                slot = 0;
                for (int i = 1; i < kept; i++) {
                    if (lengths[i] < lengths[slot]) {
                        slot = i;
                    }
                }
                if (length <= lengths[slot]) {
                    return;
                }
            }
            categories[slot] = category;
            sites[slot] = site;
            startMillis[slot] = EpochClock.epochMillis(startNanos);
            lengths[slot] = length;
            if (kept == lengths.length) {
                long min = Long.MAX_VALUE;
                for (long l : lengths) {
                    min = Math.min(min, l);
                }
                floor = min;
            }
        }

        synchronized List<BlockedStretch> longest() {
            List<BlockedStretch> out = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                out.add(new BlockedStretch(categories[i].id(), sites[i], Instant.ofEpochMilli(startMillis[i]),
                        lengths[i]));
            }
            out.sort(BlockedStretch.LONGEST_FIRST);
            return out;
        }
    }

    /**
     * A recorded call (or stall) of {@code nanos} on {@code thread}, of the call site {@code siteId}, that started at
     * {@code startNanos} on {@code System.nanoTime()}'s clock.
     */
    void add(String thread, Category category, long nanos, String siteId, long startNanos) {
        OneThread times = byThread.get(thread);
        if (times == null) {
            if (byThread.size() >= MAX_THREADS) {
                return;
            }
            OneThread fresh = new OneThread();
            times = byThread.putIfAbsent(thread, fresh); // no computeIfAbsent: no lambda on a loop's first call
            if (times == null) {
                times = fresh;
            }
        }
        times.nanos.addAndGet(category.ordinal(), nanos);
        if (nanos > times.floor) {
            times.offer(category, siteId, startNanos, nanos);
        }
    }

    /** Nanoseconds per {@link Category#ordinal()} on the thread so far, all zero when none was recorded. */
    public long[] of(String thread) {
        long[] out = new long[CATEGORIES];
        OneThread times = byThread.get(thread);
        if (times != null) {
            for (int i = 0; i < CATEGORIES; i++) {
                out[i] = times.nanos.get(i);
            }
        }
        return out;
    }

    /** The thread's longest recorded calls and stalls, longest first (empty when none was recorded). */
    public List<BlockedStretch> longest(String thread) {
        OneThread times = byThread.get(thread);
        return times == null ? List.of() : times.longest();
    }
}
