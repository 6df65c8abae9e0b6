package io.loopguard.agent.stall;

import java.util.HashMap;
import java.util.Map;

/**
 * What the watchdog knows about one busy stretch of one registered thread while it lasts: when it started (the
 * runtime's {@code busySince}, which identifies it), the JVM's pause time at its start, and the stacks sampled once
 * it ran past the stall limit, counted by their exact frames.
 */
final class BusyStretch {
    /** Bound on distinct sampled stacks per stretch: a stretch has a few hundred samples at most anyway. */
    private static final int MAX_STACKS = 64;

    long start;
    long gcMillisAtStart;
    long lastSeenBusy;
    long lastExcluded;
    /** The thread's CPU time when the stretch was first seen, and when it was last seen busy (-1: unknown). */
    long cpuAtStart;
    /** Classes the JVM had loaded when the stretch was first seen, and when it was last seen busy. */
    long classesAtStart;
    long lastClasses;
    long lastCpu;
    int samples;
    int warmUpSamples;
    private final Map<StackKey, int[]> counts = new HashMap<>();
    private final Map<StackKey, StackTraceElement[]> stacks = new HashMap<>();

    void begin(long busySince, long gcMillis) {
        start = busySince;
        gcMillisAtStart = gcMillis;
        lastSeenBusy = busySince;
        lastExcluded = 0;
        cpuAtStart = -1;
        lastCpu = -1;
        samples = 0;
        warmUpSamples = 0;
        counts.clear();
        stacks.clear();
    }

    void end() {
        begin(0L, 0L);
    }

    boolean active() {
        return start != 0L;
    }

    void sample(StackTraceElement[] frames) {
        samples++;
        if (WarmUp.isWarmUp(frames)) {
            warmUpSamples++;
            return;
        }
        StackKey key = new StackKey(frames);
        int[] count = counts.get(key);
        if (count == null) {
            if (counts.size() >= MAX_STACKS) {
                return;
            }
            count = new int[1];
            counts.put(key, count);
            stacks.put(key, frames);
        }
        count[0]++;
    }

    /** The stack sampled most often outside the JVM's warm-up, or null. */
    StackTraceElement[] mostFrequent() {
        StackKey best = null;
        int bestCount = 0;
        for (Map.Entry<StackKey, int[]> entry : counts.entrySet()) {
            if (entry.getValue()[0] > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue()[0];
            }
        }
        return best == null ? null : stacks.get(best);
    }

    /**
     * The methods (class and method names, not lines) of one sample, as a map key: a hot loop's samples differ in
     * their top line, and should still vote for one stack.
     */
    private static final class StackKey {
        private final StackTraceElement[] frames;
        private final int hash;

        StackKey(StackTraceElement[] frames) {
            this.frames = frames;
            int h = 1;
            for (StackTraceElement frame : frames) {
                h = 31 * (31 * h + frame.getClassName().hashCode()) + frame.getMethodName().hashCode();
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof StackKey) || ((StackKey) other).frames.length != frames.length) {
                return false;
            }
            StackTraceElement[] those = ((StackKey) other).frames;
            for (int i = 0; i < frames.length; i++) {
                if (!frames[i].getClassName().equals(those[i].getClassName())
                        || !frames[i].getMethodName().equals(those[i].getMethodName())) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
