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
        return true;
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
