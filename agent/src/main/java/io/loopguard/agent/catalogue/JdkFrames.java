package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.format.Frame;

/**
 * The agent's one rule for "this frame is the JDK's": the throw-mode boundary ({@code Recorder}) and the
 * machinery rule of the concurrency families ask it, by class name, so the two can never disagree.
 */
public final class JdkFrames {
    private static final String CONCURRENT = "java.util.concurrent.";

    private JdkFrames() {
    }

    /** A class of the JDK (or its {@code javax} and {@code com.sun} parts): the contract's one rule, {@link Frame#isJdkClass}. */
    public static boolean isJdk(String className) {
        return Frame.isJdkClass(className);
    }

    /**
     * Whether the caller of the blocking API — the first frame below {@code stack[0]} of another class (so the
     * API's own frames, {@code lock → acquire}, are skipped) — is {@code java.util.concurrent} itself: an executor's
     * or a queue's own short internal lock (a contended {@code mainLock} while Vert.x shuts a worker pool down on
     * its loop, the {@code putLock} of a non-blocking {@code offer}). Where such a class really blocks ({@code take},
     * {@code put}, {@code get}, {@code await}, {@code awaitTermination}, {@code invokeAll}) the catalogue weaves that
     * method, which is then the outermost call and keeps its application caller.
     */
    static boolean calledByConcurrencyMachinery(List<Frame> stack) {
        String api = stack.get(0).className();
        for (int i = 1; i < stack.size(); i++) {
            String caller = stack.get(i).className();
            if (!caller.equals(api)) {
                return caller.startsWith(CONCURRENT);
            }
        }
        return false;
    }
}
