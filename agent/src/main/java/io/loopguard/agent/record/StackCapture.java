package io.loopguard.agent.record;

import java.util.ArrayList;
import java.util.List;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.format.Frame;

/**
 * Captures the stack of a blocking call, without the agent's own frames: everything above the instrumented method —
 * the recorder, the {@code java.lang.$LoopGuard} runtime — is dropped, so {@code stack[0]} is the outermost
 * instrumented blocking method. At most {@link #MAX_FRAMES} frames below it are kept.
 *
 * <p>Why {@code Throwable.getStackTrace()} and not {@code StackWalker}: the call-site key needs each frame's method,
 * and on JDK 17 {@code StackFrame.getMethodName()} is a call into the VM per frame, while the VM resolves a
 * throwable's whole trace in one go. Measured per repeated call site (bench/results.md, StackKeyBenchmark): 3.6 vs
 * 5.4 µs on a shallow stack and 15 vs 34 µs with 100 more frames on JDK 17; about even on JDK 25. The walk is not
 * bounded by a frame limit, but the JVM bounds it ({@code MaxJavaStackTraceDepth}, 1024 by default).
 */
public final class StackCapture {
    static final int MAX_FRAMES = 128;
    private static final String RECORDER_PACKAGE = StackCapture.class.getPackageName() + ".";
    private static final StackTraceElement[] NONE = new StackTraceElement[0];

    private StackCapture() {
    }

    /** The frames from the outermost instrumented method down, at most {@link #MAX_FRAMES}. */
    static StackTraceElement[] capture() {
        return capture(new Throwable());
    }

    /**
     * {@link #capture()} of a throwable made on the recorded call's own stack (the agent's frames are dropped: on a
     * recorded call's stack they are all above the instrumented method, the runtime never calls back into the
     * application).
     */
    static StackTraceElement[] capture(Throwable here) {
        return belowAgent(here.getStackTrace());
    }

    /**
     * A stack sampled from a running loop (a stall's), without the agent's frames: when the sample caught the loop
     * inside the agent — recording a call, in the runtime's hooks — everything from the top down to the deepest agent
     * frame is the agent's work (the JDK code it called included, e.g. the VM's stack walk), so the stack starts at
     * the instrumented method below it, as a recorded call's does. At most {@link #MAX_FRAMES} frames; empty when
     * nothing is left.
     */
    public static StackTraceElement[] belowAgent(StackTraceElement[] sampled) {
        int first = 0;
        for (int i = 0; i < sampled.length; i++) {
            if (isAgentFrame(sampled[i].getClassName())) {
                first = i + 1;
            }
        }
        int length = Math.min(sampled.length - first, MAX_FRAMES);
        if (length <= 0) {
            return NONE;
        }
        StackTraceElement[] out = new StackTraceElement[length];
        System.arraycopy(sampled, first, out, 0, length);
        return out;
    }

    /**
     * The runtime and the recorder: the only agent code that is ever on the stack of a recorded call, and the runtime
     * is on the stack whenever the agent works on a loop's thread (the recorder is only ever called from it).
     */
    static boolean isAgentFrame(String className) {
        return className.startsWith("java.lang.$LoopGuard") || className.startsWith(RECORDER_PACKAGE);
    }

    /**
     * A 64-bit key of the site and the exact frames (class, method, line). Only valid inside this JVM; the contract's
     * id is computed by {@code CallSiteId}. The strings' hash codes are cached (class and method names are shared).
     */
    static long key(int site, StackTraceElement[] frames) {
        long h = 0x9E3779B97F4A7C15L ^ site;
        for (StackTraceElement frame : frames) {
            h = h * 31 + frame.getClassName().hashCode();
            h = h * 31 + frame.getMethodName().hashCode();
            h = h * 31 + frame.getLineNumber();
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    static List<Frame> toFrames(Site site, StackTraceElement[] frames) {
        List<Frame> out = new ArrayList<>(frames.length + 1);
        if (site.syntheticFrame() != null) {
            out.add(site.syntheticFrame());
        }
        for (StackTraceElement frame : frames) {
            out.add(new Frame(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber()));
        }
        return List.copyOf(out);
    }

    static StackTraceElement[] toStackTrace(List<Frame> frames) {
        StackTraceElement[] out = new StackTraceElement[frames.size()];
        for (int i = 0; i < out.length; i++) {
            Frame f = frames.get(i);
            out[i] = new StackTraceElement(f.className(), f.methodName(), f.fileName(), f.lineNumber());
        }
        return out;
    }
}
