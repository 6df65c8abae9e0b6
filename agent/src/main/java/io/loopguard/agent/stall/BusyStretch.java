package io.loopguard.agent.stall;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the watchdog knows about one busy stretch of one registered thread while it lasts: when it started (the
 * runtime's {@code busySince}, which identifies it), the JVM's pause time at its start, and the stacks sampled once
 * it ran past the stall limit, counted by their frames (class and method) from the busy code's entry down
 * ({@link BusyCode}), with the frame each sample caught on top.
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
    private final Map<StackKey, Votes> votes = new HashMap<>();

    void begin(long busySince, long gcMillis) {
        start = busySince;
        gcMillisAtStart = gcMillis;
        lastSeenBusy = busySince;
        lastExcluded = 0;
        cpuAtStart = -1;
        lastCpu = -1;
        samples = 0;
        warmUpSamples = 0;
        votes.clear();
    }

    void end() {
        begin(0L, 0L);
    }

    boolean active() {
        return start != 0L;
    }

    /** One sample: a vote for the stack from its busy code's entry down ({@link BusyCode}), and for its top frame. */
    void sample(StackTraceElement[] frames) {
        samples++;
        if (WarmUp.isWarmUp(frames)) {
            warmUpSamples++;
            return;
        }
        int entry = BusyCode.entry(frames);
        StackKey key = new StackKey(entry == 0 ? frames : Arrays.copyOfRange(frames, entry, frames.length));
        Votes vote = votes.get(key);
        if (vote == null) {
            if (votes.size() >= MAX_STACKS) {
                return;
            }
            vote = new Votes(key.frames);
            votes.put(key, vote);
        }
        vote.add(frames[0]);
    }

    /** The votes of the stack sampled most often (from its busy code's entry down) outside the JVM's warm-up, or null. */
    Votes mostFrequent() {
        Votes best = null;
        for (Votes vote : votes.values()) {
            if (best == null || vote.count > best.count) {
                best = vote;
            }
        }
        return best;
    }

    /**
     * The samples of one stack from the busy code's entry down: how many, and the frame each caught on top (by class
     * and method; the first such sample's element is kept for its line).
     */
    static final class Votes {
        /** Bound on distinct top frames per stack: the busiest is wanted, not a profile. */
        private static final int MAX_TOPS = 16;

        final StackTraceElement[] stack;
        int count;
        private final Map<String, Top> tops = new HashMap<>();

        Votes(StackTraceElement[] stack) {
            this.stack = stack;
        }

        void add(StackTraceElement top) {
            count++;
            String method = top.getClassName() + "." + top.getMethodName();
            Top seen = tops.get(method);
            if (seen == null) {
                if (tops.size() >= MAX_TOPS) {
                    return;
                }
                seen = new Top(top);
                tops.put(method, seen);
            }
            seen.count++;
        }

        /** The frame the samples caught on top most often, as {@code class.method(File:line)}. */
        String busiestFrame() {
            Top best = null;
            for (Top top : tops.values()) {
                if (best == null || top.count > best.count) {
                    best = top;
                }
            }
            if (best == null) {
                return null;
            }
            StackTraceElement frame = best.first;
            String file = frame.getFileName();
            int line = frame.getLineNumber();
            String where = line == -2 ? "Native Method" : file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
            return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
        }
    }

    /** One method a stack's samples caught on top: how often, and its first sample's element (for the line). */
    private static final class Top {
        final StackTraceElement first;
        int count;

        Top(StackTraceElement first) {
            this.first = first;
        }
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
