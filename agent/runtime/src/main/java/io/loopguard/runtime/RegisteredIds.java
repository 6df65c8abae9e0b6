package io.loopguard.runtime;

import java.util.Arrays;

/**
 * The ids of every thread ever registered (and not unregistered since), for events that arrive after the fact
 * (JFR). Thread ids are never reused within a JVM, so an id stays meaningful after its thread ended. Changes are
 * rare (registration), so a sorted array under a lock is enough; bounded, the oldest ids go first.
 */
final class RegisteredIds {
    static final int MAX = 4096;
    private static long[] ids = new long[0];

    private RegisteredIds() {
    }

    @SuppressWarnings("deprecation") // Thread.threadId() exists only from JDK 19; getId() is the same number
    static synchronized void add(Thread thread) {
        long id = thread.getId();
        if (Arrays.binarySearch(ids, id) >= 0) {
            return;
        }
        long[] grown = ids.length < MAX ? Arrays.copyOf(ids, ids.length + 1) : Arrays.copyOfRange(ids, 1, ids.length + 1);
        grown[grown.length - 1] = id;
        Arrays.sort(grown);
        ids = grown;
    }

    @SuppressWarnings("deprecation")
    static synchronized void remove(Thread thread) {
        int at = Arrays.binarySearch(ids, thread.getId());
        if (at >= 0) {
            long[] shrunk = new long[ids.length - 1];
            System.arraycopy(ids, 0, shrunk, 0, at);
            System.arraycopy(ids, at + 1, shrunk, at, ids.length - at - 1);
            ids = shrunk;
        }
    }

    static synchronized boolean contains(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }
}
