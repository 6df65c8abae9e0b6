package io.loopguard.runtime;

import java.util.Arrays;

/**
 * When each thread was a registered event loop, by thread id, for events that arrive after the fact (JFR delivers
 * about a second late, when a short-lived loop may have ended or unregistered). Thread ids are never reused within a
 * JVM. One interval per id (a re-registration widens it). Changes are rare (registration), so sorted arrays under a
 * lock are enough; bounded at {@link #MAX} ids, the oldest (smallest) ids go first.
 */
final class RegisteredIds {
    static final int MAX = 4096;
    private static long[] ids = new long[0];
    private static long[] fromMillis = new long[0];
    private static long[] untilMillis = new long[0];

    private RegisteredIds() {
    }

    @SuppressWarnings("deprecation") // Thread.threadId() exists only from JDK 19; getId() is the same number
    static synchronized void registered(Thread thread) {
        long id = thread.getId();
        int at = Arrays.binarySearch(ids, id);
        if (at >= 0) {
            untilMillis[at] = Long.MAX_VALUE;
            return;
        }
        int insert = -at - 1;
        int drop = ids.length < MAX ? 0 : 1; // full: the smallest (oldest) id goes
        ids = inserted(ids, insert, drop, id);
        fromMillis = inserted(fromMillis, insert, drop, System.currentTimeMillis());
        untilMillis = inserted(untilMillis, insert, drop, Long.MAX_VALUE);
    }

    @SuppressWarnings("deprecation")
    static synchronized void unregistered(Thread thread) {
        int at = Arrays.binarySearch(ids, thread.getId());
        if (at >= 0 && untilMillis[at] == Long.MAX_VALUE) {
            untilMillis[at] = System.currentTimeMillis();
        }
    }

    /**
     * JFR converts its own ticks to wall-clock time; against {@code currentTimeMillis} the two may differ by a few
     * milliseconds, so interval ends get this much slack.
     */
    static final long CLOCK_SLACK_MILLIS = 50;

    /** Whether thread {@code id} was registered at {@code epochMillis} (within {@link #CLOCK_SLACK_MILLIS}). */
    static synchronized boolean wasRegistered(long id, long epochMillis) {
        int at = Arrays.binarySearch(ids, id);
        return at >= 0 && fromMillis[at] - CLOCK_SLACK_MILLIS <= epochMillis
                && (untilMillis[at] == Long.MAX_VALUE || epochMillis <= untilMillis[at] + CLOCK_SLACK_MILLIS);
    }

    private static long[] inserted(long[] array, int insert, int drop, long value) {
        long[] out = new long[array.length + 1 - drop];
        System.arraycopy(array, drop, out, 0, insert - drop);
        out[insert - drop] = value;
        System.arraycopy(array, insert, out, insert - drop + 1, array.length - insert);
        return out;
    }
}
