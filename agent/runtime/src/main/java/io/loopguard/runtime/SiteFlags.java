package io.loopguard.runtime;

/**
 * The {@code int} a woven call passes to {@link Hooks#enter}: the agent's site-table index in the high bits, and
 * in the low byte the few facts the bootstrap runtime must know before it calls back into the agent.
 *
 * <p>Only compile-time constants live here: javac inlines them into the agent and the runtime, so this class is
 * never loaded at run time (it is not one of the classes defined inside {@code java.base}).
 */
public final class SiteFlags {
    /** Record only if the thread really waited inside the call (a nested park or wait happened): locks, futures. */
    public static final int CONDITIONAL = 1;
    /** A nested call of this site means the outer call really waited: {@code LockSupport.park*}, {@code Object.wait}. */
    public static final int SIGNALS_WAIT = 2;
    /** The context object is a {@code SelectableChannel}; only its blocking mode is a blocking call. */
    public static final int BLOCKING_CHANNEL = 4;
    /** The context object is a host string; an IP literal (or null) is not a name lookup. */
    public static final int HOST_NAME = 8;
    /** An allowed scope: never recorded, and everything nested inside it is not recorded either. */
    public static final int SUPPRESS = 16;
    /**
     * An event loop's own idle wait (its selector {@code select}, its task-queue wait, an executor's {@code getTask}):
     * an allowed scope ({@link #SUPPRESS} is set too) that also marks the registered thread idle while inside it.
     */
    public static final int IDLE = 32;
    /**
     * With {@link #CONDITIONAL}: the call's clock may start at its first nested wait, so that a call that never waits
     * reads no clock. Only for untimed lock acquisition ({@code Lock.lock}/{@code lockInterruptibly}), where nothing
     * before the park takes time; not for calls with a timeout or a deadline (a timed {@code Future.get} computes its
     * deadline at entry, and cold set-up before its park would be left out of the recorded time).
     */
    public static final int CLOCK_AT_WAIT = 64;

    public static final int INDEX_SHIFT = 8;

    /** Fixed indexes for the JDK 17 call-site rewrite targets (the runtime's own static hooks). */
    public static final int NATIVE_SLEEP = 1 << INDEX_SHIFT;
    public static final int NATIVE_WAIT = (2 << INDEX_SHIFT) | SIGNALS_WAIT;
    public static final int NATIVE_YIELD = 3 << INDEX_SHIFT;
    public static final int NATIVE_FILE_LENGTH = 4 << INDEX_SHIFT;
    public static final int NATIVE_FILE_SET_LENGTH = 5 << INDEX_SHIFT;
    public static final int NATIVE_FILE_SYNC = 6 << INDEX_SHIFT;
    public static final int FIRST_FREE_INDEX = 7;

    private SiteFlags() {
    }

    public static int index(int site) {
        return site >>> INDEX_SHIFT;
    }
}
