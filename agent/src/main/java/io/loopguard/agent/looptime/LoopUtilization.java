package io.loopguard.agent.looptime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.record.ThreadTimes;
import io.loopguard.format.Category;

/**
 * Loop time per period, for the periodic JFR event {@code io.loopguard.LoopUtilization}: at every call of
 * {@link #next}, each registered thread's time since the previous call, split into busy (of it: blocked, stalled,
 * other) and idle. Busy comes from the runtime's busy/idle bracket, exact at the moment of the call. Blocked and
 * stall time come from the recorder's per-thread totals ({@link ThreadTimes}), which grow when a call or a stall
 * ends: a period holds the calls and stalls that ended in it, with their whole duration.
 *
 * <p>A thread seen for the first time yields no period unless it registered since the previous call (then its
 * period starts at its registration): what it did before is not known per period. Threads no longer registered are
 * forgotten at the next call; blocked and stall totals are remembered by name (as the recorder keeps them), at most
 * {@link #MAX_NAMES}. Not thread-safe: its one caller, {@code LoopUtilizationEvents}, serializes the calls.
 */
public final class LoopUtilization {
    static final int MAX_NAMES = 1000;
    /** Indexes into the runtime's loop state ({@code Hooks.loopState}). */
    private static final int BUSY_SINCE = 0;
    private static final int BUSY_TOTAL = 6;
    private static final int REGISTERED_AT = 7;
    private static final int STALL = Category.STALL.ordinal();

    private final RuntimeBridge runtime;
    private final ThreadTimes times;
    private final long[] state = new long[8];
    private Map<Thread, Seen> seen = new IdentityHashMap<>();
    /** The threads of the call in progress: {@link #seen} at the next one. */
    private Map<Thread, Seen> current = new IdentityHashMap<>();
    private final Map<String, long[]> recordedByName = new HashMap<>();
    /** The previous call's time, 0: none since the last {@link #reset()}. */
    private long previous;

    public LoopUtilization(RuntimeBridge runtime, ThreadTimes times) {
        this.runtime = runtime;
        this.times = times;
    }

    /** One thread's figures over one period. Times in nanoseconds. */
    public static final class Period {
        public final String thread;
        public final long periodNanos;
        public final long busyNanos;
        public final long blockedNanos;
        public final long stallNanos;

        Period(String thread, long periodNanos, long busyNanos, long blockedNanos, long stallNanos) {
            this.thread = thread;
            this.periodNanos = periodNanos;
            this.busyNanos = busyNanos;
            this.blockedNanos = blockedNanos;
            this.stallNanos = stallNanos;
        }

        /** Busy time neither in recorded calls nor in stalls (0 when calls that began earlier ended in this period). */
        public long otherNanos() {
            return Math.max(0L, busyNanos - blockedNanos - stallNanos);
        }

        /** Busy time as a fraction of the period, 0 to 1. */
        public double busyShare() {
            return periodNanos <= 0L ? 0.0 : Math.min(1.0, (double) busyNanos / periodNanos);
        }

        @Override
        public String toString() {
            return thread + " period " + periodNanos + " busy " + busyNanos + " blocked " + blockedNanos + " stall "
                    + stallNanos;
        }
    }

    /** Where the previous period of one thread ended. */
    static final class Seen {
        long registeredAt;
        long at;
        long busy;
    }

    /** Forgets everything: the next call starts new periods (a recording that wants the event started again). */
    public void reset() {
        seen = new IdentityHashMap<>();
        current = new IdentityHashMap<>();
        previous = 0L;
    }

    /** The period since the previous call for every registered platform thread. */
    public List<Period> next() {
        long now = System.nanoTime();
        List<Period> periods = new ArrayList<>();
        for (Thread thread : runtime.registeredThreads()) {
            if (LoopTimes.isVirtual(thread) || !runtime.loopState(thread, state)) {
                continue;
            }
            Period period = step(thread, thread.getName(), state, times.of(thread.getName()), now);
            if (period != null) {
                periods.add(period);
            }
        }
        endRound(now);
        return periods;
    }

    /** After every thread's {@link #step}: the threads not stepped are forgotten. */
    void endRound(long now) {
        seen = current;
        current = new IdentityHashMap<>();
        previous = now;
    }

    /**
     * One thread's period ending {@code now}; null when there is none yet. Package-private for the unit test.
     *
     * @param loopState the runtime's loop state of the thread, read just before
     * @param recorded  the recorder's nanoseconds per category on the thread's name so far
     */
    Period step(Thread thread, String name, long[] loopState, long[] recorded, long now) {
        long registeredAt = loopState[REGISTERED_AT];
        long since = loopState[BUSY_SINCE];
        long busy = loopState[BUSY_TOTAL] + (since != 0L && now - since > 0 ? now - since : 0L);
        long blocked = 0L;
        for (int i = 0; i < recorded.length; i++) {
            blocked += i == STALL ? 0L : recorded[i];
        }
        long stall = recorded[STALL];

        long[] before = recordedByName.get(name);
        if (before == null && recordedByName.size() < MAX_NAMES) {
            before = new long[2];
            recordedByName.put(name, before);
        }
        long blockedDelta = before == null ? 0L : Math.max(0L, blocked - before[0]);
        long stallDelta = before == null ? 0L : Math.max(0L, stall - before[1]);
        if (before != null) {
            before[0] = Math.max(before[0], blocked);
            before[1] = Math.max(before[1], stall);
        }

        Seen last = seen.get(thread);
        Seen latest = new Seen();
        latest.registeredAt = registeredAt;
        latest.at = now;
        latest.busy = busy;
        current.put(thread, latest);
        long start;
        long busyBefore;
        if (last != null && last.registeredAt == registeredAt) {
            start = last.at;
            busyBefore = last.busy;
        } else if (previous != 0L && registeredAt - previous >= 0) { // registered since the previous call
            start = registeredAt;
            busyBefore = 0L;
        } else {
            return null; // first seen: its totals are the baseline
        }
        long length = now - start;
        if (length <= 0L) {
            return null;
        }
        return new Period(name, length, Math.max(0L, Math.min(length, busy - busyBefore)), blockedDelta, stallDelta);
    }
}
