package io.loopguard.agent.record;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

import io.loopguard.format.Category;

/**
 * Time in recorded calls per event-loop thread name and category (stalls included), for the data file's loop time.
 * Updated by the thread that recorded the call, lock-free; allocates only for a thread's first call. Bounded at
 * {@link #MAX_THREADS} names, like the registered names (a program that registers a thread per task must not grow the
 * agent's memory): later threads are not counted.
 */
public final class ThreadTimes {
    static final int MAX_THREADS = 1000;
    private static final int CATEGORIES = Category.values().length;
    private final ConcurrentHashMap<String, AtomicLongArray> byThread = new ConcurrentHashMap<>();

    void add(String thread, Category category, long nanos) {
        AtomicLongArray times = byThread.get(thread);
        if (times == null) {
            if (byThread.size() >= MAX_THREADS) {
                return;
            }
            AtomicLongArray fresh = new AtomicLongArray(CATEGORIES);
            times = byThread.putIfAbsent(thread, fresh); // no computeIfAbsent: no lambda on a loop's first call
            if (times == null) {
                times = fresh;
            }
        }
        times.addAndGet(category.ordinal(), nanos);
    }

    /** Nanoseconds per {@link Category#ordinal()} on the thread so far, all zero when none was recorded. */
    public long[] of(String thread) {
        long[] out = new long[CATEGORIES];
        AtomicLongArray times = byThread.get(thread);
        if (times != null) {
            for (int i = 0; i < CATEGORIES; i++) {
                out[i] = times.get(i);
            }
        }
        return out;
    }
}
