package io.loopguard.agent.record;

import java.lang.StackWalker.StackFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * Captures the stack of a blocking call with {@link StackWalker} (bounded by a frame limit, unlike
 * {@code Throwable.getStackTrace()}), without the agent's own frames: everything above the instrumented method —
 * the recorder, the {@code java.lang.$LoopGuard} runtime — is dropped, so {@code stack[0]} is the outermost
 * instrumented blocking method. Raw frames are hashed into a key on every call; converting them to {@link Frame}s
 * happens only for a call site not seen before.
 */
final class StackCapture {
    static final int MAX_FRAMES = 128;
    /** Class references let the per-call key use class identity: names are only read for a new call site. */
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** A named function, not a lambda: the first lambda on an event loop would bootstrap LambdaMetafactory there. */
    private static final Function<Stream<StackFrame>, StackFrame[]> COLLECT = new Function<>() {
        @Override
        public StackFrame[] apply(Stream<StackFrame> stream) {
            StackFrame[] out = new StackFrame[16];
            int n = 0;
            for (Iterator<StackFrame> frames = stream.iterator(); frames.hasNext() && n < MAX_FRAMES; ) {
                StackFrame frame = frames.next();
                if (n == 0 && isAgentFrame(frame)) {
                    continue;
                }
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = frame;
            }
            return Arrays.copyOf(out, n);
        }
    };

    private StackCapture() {
    }

    static StackFrame[] capture() {
        return WALKER.walk(COLLECT);
    }

    /** The runtime and the recorder: the only agent code that is ever on the stack of a recorded call. */
    static boolean isAgentFrame(StackFrame frame) {
        String name = frame.getDeclaringClass().getName(); // cached by Class, unlike StackFrame.getClassName on 17
        return name.startsWith("java.lang.$LoopGuard") || name.startsWith(RECORDER_PACKAGE);
    }

    private static final String RECORDER_PACKAGE = StackCapture.class.getPackageName() + ".";

    /**
     * A 64-bit key of the site and the exact frames: declaring class (by identity) and bytecode index. Only valid
     * inside this JVM — the contract's id is computed from names by {@code CallSiteId} — but it needs no name lookup,
     * which on JDK 17 is a call into the VM per frame and dominated the cost of a repeated call site.
     */
    static long key(int site, StackFrame[] frames) {
        long h = 0x9E3779B97F4A7C15L ^ site;
        for (StackFrame frame : frames) {
            h = h * 31 + System.identityHashCode(frame.getDeclaringClass());
            h = h * 31 + frame.getByteCodeIndex();
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /**
     * A lock, future or park whose caller is {@code java.util.concurrent} itself: an executor's or a queue's own
     * short internal lock (a contended {@code mainLock} while Vert.x shuts a worker pool down on its loop, the
     * {@code putLock} of a non-blocking {@code offer}). That is JDK machinery, not a blocking call of the
     * application: where such a class really blocks ({@code take}, {@code put}, {@code get}, {@code await},
     * {@code awaitTermination}, {@code invokeAll}) the catalogue weaves that method, which is then the outermost
     * call and keeps its application caller.
     */
    static boolean isConcurrencyMachinery(Site site, List<Frame> stack) {
        Category category = site.category();
        if (category != Category.LOCK && category != Category.FUTURE && category != Category.PARK) {
            return false;
        }
        String api = stack.get(0).className();
        for (int i = 1; i < stack.size(); i++) {
            String caller = stack.get(i).className();
            if (!caller.equals(api)) {
                return caller.startsWith("java.util.concurrent.");
            }
        }
        return false;
    }

    static List<Frame> toFrames(Site site, StackFrame[] frames) {
        List<Frame> out = new ArrayList<>(frames.length + 1);
        if (site.syntheticFrame() != null) {
            out.add(site.syntheticFrame());
        }
        for (StackFrame frame : frames) {
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
