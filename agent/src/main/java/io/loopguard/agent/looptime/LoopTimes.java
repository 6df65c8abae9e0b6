package io.loopguard.agent.looptime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.record.ThreadTimes;
import io.loopguard.agent.util.EpochClock;
import io.loopguard.format.BlockedStretch;
import io.loopguard.format.Category;
import io.loopguard.format.LoopTime;

/**
 * The registration and busy time of every registered thread, as last observed. The runtime forgets a thread once it
 * ended or was unregistered, so the watchdog observes each registered thread at every look (and the data file's writer
 * once more before it writes): a thread that is gone keeps what was seen last, within one look of its end. Blocked
 * and stall time, and the longest calls and stalls, come from the recorder ({@link ThreadTimes}), by thread name.
 *
 * <p>Loops on virtual threads are left out: a parked virtual thread is unmounted, not inside a bracketed idle wait,
 * so its busy time would be meaningless. Bounded at {@link #MAX_THREADS} threads.
 */
public final class LoopTimes {
    static final int MAX_THREADS = 1000;
    /** Indexes into the runtime's loop state ({@code Hooks.loopState}). */
    private static final int BUSY_SINCE = 0;
    private static final int BUSY_TOTAL = 6;
    private static final int REGISTERED_AT = 7;

    private final RuntimeBridge runtime;
    private final Map<Thread, Seen> seen = new IdentityHashMap<>();
    private final long[] state = new long[8];

    public LoopTimes(RuntimeBridge runtime) {
        this.runtime = runtime;
    }

    /** What was last seen of one thread (times on {@code System.nanoTime()}'s clock). */
    private static final class Seen {
        String name;
        long registeredAtMillis;
        /** The current registration's start, its last look, its busy time. */
        long registeredAt;
        long lastSeen;
        long busy;
        /** Earlier registrations of the same thread (unregistered, then registered again). */
        long registeredBefore;
        long busyBefore;

        long registeredNanos() {
            return registeredBefore + Math.max(0L, lastSeen - registeredAt);
        }

        long busyNanos() {
            return busyBefore + busy;
        }
    }

    /** One look at a registered thread whose {@code state} the caller just read ({@code Hooks.loopState}). */
    public synchronized void observe(Thread thread, long[] state, long now) {
        if (isVirtual(thread) || !thread.isAlive()) {
            return;
        }
        Seen known = seen.get(thread);
        if (known == null) {
            if (seen.size() >= MAX_THREADS) {
                return;
            }
            known = new Seen();
            known.registeredAt = state[REGISTERED_AT];
            known.registeredAtMillis = EpochClock.epochMillis(state[REGISTERED_AT]);
            seen.put(thread, known);
        } else if (known.registeredAt != state[REGISTERED_AT]) { // registered again: the earlier time stays counted
            known.registeredBefore = known.registeredNanos();
            known.busyBefore = known.busyNanos();
            known.registeredAt = state[REGISTERED_AT];
            known.busy = 0L;
        }
        known.name = thread.getName();
        known.lastSeen = now;
        long since = state[BUSY_SINCE];
        known.busy = state[BUSY_TOTAL] + (since != 0L && now - since > 0 ? now - since : 0L);
    }

    /** Looks at every registered thread now (the writer's view between two ticks, or without a watchdog). */
    public synchronized void observeAll() {
        for (Thread thread : runtime.registeredThreads()) {
            if (runtime.loopState(thread, state)) {
                observe(thread, state, System.nanoTime());
            }
        }
    }

    /** Every loop seen, merged by name (a name used twice is one loop), with its recorded blocked and stall time. */
    public synchronized List<LoopTime> snapshot(ThreadTimes times) {
        observeAll();
        Map<String, LoopTime> byName = new LinkedHashMap<>();
        for (Seen s : seen.values()) {
            LoopTime loop = new LoopTime(s.name, Instant.ofEpochMilli(s.registeredAtMillis), s.registeredNanos(),
                    s.busyNanos(), Map.of(), 0);
            LoopTime known = byName.get(s.name);
            byName.put(s.name, known == null ? loop : known.plus(loop));
        }
        List<LoopTime> loops = new ArrayList<>();
        for (LoopTime loop : byName.values()) {
            loops.add(withRecorded(loop, times == null ? new long[Category.values().length] : times.of(loop.thread()),
                    times == null ? List.<BlockedStretch>of() : times.longest(loop.thread())));
        }
        loops.sort(new java.util.Comparator<LoopTime>() { // registration order; no lambda on the exit path
            @Override
            public int compare(LoopTime a, LoopTime b) {
                int byTime = a.registeredAt().compareTo(b.registeredAt());
                return byTime != 0 ? byTime : a.thread().compareTo(b.thread());
            }
        });
        return loops;
    }

    private static LoopTime withRecorded(LoopTime loop, long[] nanos, List<BlockedStretch> longest) {
        Map<String, Long> blocked = new TreeMap<>();
        for (Category category : Category.values()) {
            long n = nanos[category.ordinal()];
            if (n > 0 && category != Category.STALL) {
                blocked.put(category.id(), n);
            }
        }
        return new LoopTime(loop.thread(), loop.registeredAt(), loop.registeredNanos(), loop.busyNanos(), blocked,
                nanos[Category.STALL.ordinal()], longest);
    }

    /** By class name: the agent compiles for JDK 17, which has no {@code Thread.isVirtual()}. */
    static boolean isVirtual(Thread thread) {
        return thread.getClass().getName().equals("java.lang.VirtualThread");
    }
}
