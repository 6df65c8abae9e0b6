package io.loopguard.runtime;

import java.util.Arrays;

/**
 * The registered event-loop threads, as an open-addressing table indexed by thread id and republished
 * copy-on-write through a volatile field.
 *
 * <p>The lookup is on the hot path of every instrumented call on every thread: one volatile read, one array load
 * and (for an unregistered thread, almost always) one null or identity check. Changes are rare (thread start,
 * API calls) and take a lock. Terminated threads are dropped at the next change, so the table stays bounded.
 */
final class ThreadRegistry {
    private static volatile LoopThread[] table = new LoopThread[16];
    /** Bound on {@link #names}: a program that registers a new thread per task must not grow the agent's memory. */
    private static final int MAX_NAMES = 1000;
    /**
     * The name of every thread ever registered, in order, without repeats (the table forgets a loop once it ended;
     * the data file's {@code registeredThreads} must still list it). Guarded by the class lock.
     */
    private static String[] names = new String[16];
    private static int nameCount;
    /** Registrations whose name was not kept because {@link #names} was full (a name may be counted twice). */
    private static long unlistedRegistrations;

    private ThreadRegistry() {
    }

    @SuppressWarnings("deprecation") // Thread.threadId() exists only from JDK 19; getId() is the same number
    static LoopThread find(Thread thread) {
        LoopThread[] tab = table;
        int mask = tab.length - 1;
        int i = (int) thread.getId() & mask;
        LoopThread entry;
        while ((entry = tab[i]) != null) {
            if (entry.thread == thread) {
                return entry;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    static synchronized boolean register(Thread thread) {
        if (find(thread) != null) {
            return false;
        }
        LoopThread[] live = liveEntries(null);
        LoopThread[] grown = Arrays.copyOf(live, live.length + 1);
        grown[live.length] = new LoopThread(thread);
        table = build(grown);
        remember(thread.getName());
        return true;
    }

    private static void remember(String name) {
        for (int i = 0; i < nameCount; i++) {
            if (names[i].equals(name)) {
                return;
            }
        }
        if (nameCount == MAX_NAMES) {
            unlistedRegistrations++;
            return;
        }
        if (nameCount == names.length) {
            names = Arrays.copyOf(names, Math.min(MAX_NAMES, names.length * 2));
        }
        names[nameCount++] = name;
    }

    static synchronized String[] names() {
        return Arrays.copyOf(names, nameCount);
    }

    static synchronized long unlistedRegistrations() {
        return unlistedRegistrations;
    }

    static synchronized void unregister(Thread thread) {
        if (find(thread) != null) {
            table = build(liveEntries(thread));
        }
    }

    static Thread[] threads() {
        LoopThread[] tab = table;
        Thread[] out = new Thread[tab.length];
        int n = 0;
        for (LoopThread entry : tab) {
            if (entry != null) {
                out[n++] = entry.thread;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static LoopThread[] liveEntries(Thread without) {
        LoopThread[] tab = table;
        LoopThread[] out = new LoopThread[tab.length];
        int n = 0;
        for (LoopThread entry : tab) {
            if (entry != null && entry.thread != without && entry.thread.getState() != Thread.State.TERMINATED) {
                out[n++] = entry;
            }
        }
        return Arrays.copyOf(out, n);
    }

    @SuppressWarnings("deprecation")
    private static LoopThread[] build(LoopThread[] entries) {
        int size = 16;
        while (size < entries.length * 4) {
            size <<= 1;
        }
        LoopThread[] tab = new LoopThread[size];
        int mask = size - 1;
        for (LoopThread entry : entries) {
            int i = (int) entry.thread.getId() & mask;
            while (tab[i] != null) {
                i = (i + 1) & mask;
            }
            tab[i] = entry;
        }
        return tab;
    }
}
