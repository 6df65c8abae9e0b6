package io.loopguard.agent.it.support;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The one rule of every two-party scenario: <b>the blocked party is parked before the other side acts</b>.
 *
 * <p>A helper thread that releases a registered thread after a fixed {@code sleep} races it: on a loaded or cold JVM
 * (class loading, weaving, {@code -Xverify:all}) the helper can arrive first, the registered thread then never waits
 * and, by the contract (lock/future/wait/park count only when the thread really waited), nothing is recorded; or an
 * I/O call returns at once and its minimum duration is not met. So the releasing side (always an unregistered helper,
 * never the registered thread) first polls until the registered thread is really inside the expected call, and only
 * then holds the release for a further fixed pause, which is what the minimum-duration expectations rely on (the
 * call began before it was observed, so it lasts at least the pause). It fails loudly, naming the thread and its
 * stack, after a generous deadline instead of silently going on.
 */
public final class Handoff {
    /** How long the release is held after the blocked party was seen parked: at least every such {@code minMillis}. */
    public static final long HOLD_MILLIS = 50;

    /** Generous: a cold {@code -Xverify:all} JVM beside busy loops can take seconds to reach the call. */
    public static final long DEADLINE_MILLIS = 30_000;

    private Handoff() {
    }

    /** {@link #awaitBlocked(Thread, String, String, long)} with {@link #HOLD_MILLIS}. */
    public static void awaitBlocked(Thread t, String className, String methodName) {
        awaitBlocked(t, className, methodName, HOLD_MILLIS);
    }

    /**
     * Returns once {@code t} is parked ({@code WAITING}/{@code TIMED_WAITING}, in a native frame such as
     * {@code Unsafe.park} or {@code Object.wait}, not a class-loading lock) inside {@code className.methodName}, with
     * no frame of the agent's own classes between the park and that call, and a further
     * {@code holdMillis} have passed.
     */
    public static void awaitBlocked(Thread t, String className, String methodName, long holdMillis) {
        await(t, className, methodName, holdMillis, false);
    }

    /**
     * Like {@link #awaitBlocked(Thread, String, String)} for blocking I/O, where the thread stays {@code RUNNABLE}:
     * returns once {@code t} is in a native {@code sun.nio.ch} frame (read, accept, poll) inside
     * {@code className.methodName}, and a further {@link #HOLD_MILLIS} have passed.
     */
    public static void awaitInNativeIo(Thread t, String className, String methodName) {
        await(t, className, methodName, HOLD_MILLIS, true);
    }

    private static void await(Thread t, String className, String methodName, long holdMillis, boolean io) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000L;
        StackTraceElement[] stack = new StackTraceElement[0];
        Thread.State state = t.getState();
        for (int spins = 0; ; spins++) {
            state = t.getState();
            stack = t.getStackTrace();
            if (inside(state, stack, className, methodName, io)) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("thread " + t.getName() + " did not block in " + className + "."
                        + methodName + " within " + DEADLINE_MILLIS + " ms; state " + state + ", stack:\n\t"
                        + Arrays.stream(stack).map(String::valueOf).collect(Collectors.joining("\n\t")));
            }
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                TargetIO.pause(1);
            }
        }
        TargetIO.pause(holdMillis);
    }

    static boolean inside(Thread.State state, StackTraceElement[] stack, String className, String methodName,
            boolean io) {
        boolean stateOk = io ? state != Thread.State.NEW && state != Thread.State.TERMINATED
                : state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
        if (!stateOk || stack.length == 0 || !stack[0].isNativeMethod()
                || io && !stack[0].getClassName().startsWith("sun.nio.ch.")) {
            return false;
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(className) && frame.getMethodName().equals(methodName)) {
                return true;
            }
            if (isAgentRecordingFrame(frame.getClassName())) {
                return false; // parked in the agent's own bookkeeping above the call: not (yet) the call's wait
            }
        }
        return false;
    }

    /**
     * The agent's classes, but not its call-through hooks ({@code java.lang.$LoopGuard.waitOn} and the like), which
     * are where a woven {@code Object.wait}/{@code join} really waits.
     */
    static boolean isAgentRecordingFrame(String className) {
        return className.startsWith("io.loopguard.") && !className.startsWith("io.loopguard.agent.it.");
    }
}
