package io.loopguard.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.ref.WeakReference;
import java.nio.channels.SelectableChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-thread state of a registered event-loop thread: the depth of instrumented calls in progress and what the
 * outermost one is. Only its own thread touches the mutable fields, so they need no synchronisation.
 *
 * <p>The depth counter does three jobs (instrumentation.md, 4.4): nested instrumented calls count once as the
 * outermost (a JDBC query swallows its socket reads), the outermost entry names the category (a park under
 * {@code ReentrantLock.lock} is a {@code lock}), and nothing the agent does while recording is recorded itself.
 *
 * <p>The busy/idle bracket: the loop's own idle waits ({@link SiteFlags#IDLE}) mark the thread idle on entry and busy
 * again on exit, so the agent's watchdog (another thread) can tell since when the loop has been busy. Those fields
 * are written by this thread only, with ordered ({@code lazySet}: a plain store on x86) writes, and read by the
 * watchdog; a busy stretch's time in recorded blocking calls and allowed scopes (class loading) is kept beside it,
 * because a stall is CPU time that no recorded call explains. {@code AtomicLong} rather than a {@code VarHandle}:
 * its ordered store is a plain {@code Unsafe} call, while a {@code VarHandle}'s first use would spin LambdaForms
 * inside whatever JDK method is being instrumented.
 */
final class LoopThread {
    static final long NESTED = Long.MIN_VALUE;
    /** Token of an idle wait entered at depth 0: its exit marks the thread busy again. */
    static final long IDLE = Long.MIN_VALUE + 1;
    /**
     * Token of an untimed lock acquisition ({@link SiteFlags#CLOCK_AT_WAIT}): its clock starts at its first nested
     * wait ({@link #waitStart}), not at its entry. Why: such a call nearly always returns without waiting (an
     * uncontended lock is one CAS), and then it is no blocking call at all; reading the clock at its entry and exit
     * cost two {@code System.nanoTime()} (about 26 ns each here) for nothing, and the JDBC driver of the demo's
     * blocking mix takes a {@code ReentrantLock} several times per query, as does a {@code LinkedBlockingQueue} when a
     * loop hands work to a worker: half of the runtime's share of the loop's samples in a JFR profile
     * (bench/results.md). What the recorded time leaves out: the CAS attempts and queueing before the park. Not for
     * calls with a timeout: their deadline starts at entry, and a cold first call (class loading before its park) was
     * seen to lose 4 ms of a 40-ms timed {@code Future.get} (CategoriesIT).
     */
    static final long DEFERRED = Long.MIN_VALUE + 2;

    final Thread thread;
    /** When the thread was registered ({@code System.nanoTime()}). */
    final long registeredAt;
    /** Start of the current busy stretch, 0 while idle. A registered thread is busy until its first idle wait. */
    final AtomicLong busySince = new AtomicLong();
    /** Sum of the busy stretches that ended. */
    final AtomicLong busyTotal = new AtomicLong();
    /** Time of the current busy stretch spent in recorded blocking calls and allowed scopes that ended. */
    final AtomicLong excluded = new AtomicLong();
    /** Start of the recorded call or allowed scope in progress, 0 when none. */
    final AtomicLong inCallSince = new AtomicLong();
    /** The last busy stretch at least {@link Hooks#stallNanos} long: its start (written last), end, excluded time. */
    final AtomicLong longStart = new AtomicLong();
    final AtomicLong longEnd = new AtomicLong();
    final AtomicLong longExcluded = new AtomicLong();
    private int depth;
    private boolean waited;
    private Object context;
    /** The outermost call is {@link SiteFlags#CLOCK_AT_WAIT}: its time starts at {@link #waitStart}. */
    private boolean deferred;
    /** When the deferred call's first nested wait began (a token value). */
    private long waitStart;
    /**
     * The SQL of the last {@link #PREPARED} statements this thread prepared, a ring (next slot at
     * {@link #preparedNext}). Why per thread and small: a statement executed on a loop was nearly always prepared
     * just before on the same thread (one handler), and the capture runs at every {@code prepareStatement}, so it
     * must not take a lock or grow a map (a JVM-wide weak map was 5.5 % of a loop's samples under a JDBC load,
     * bench/results.md). Weak: a statement the application dropped is never kept alive here. Only this thread
     * touches the ring (it prepares, and the recorder reads the SQL on the same thread while recording).
     */
    static final int PREPARED = 8;
    private final WeakReference<?>[] preparedStatements = new WeakReference<?>[PREPARED];
    private final String[] preparedSql = new String[PREPARED];
    private int preparedNext;

    LoopThread(Thread thread) {
        this.thread = thread;
        this.registeredAt = nonZero(System.nanoTime());
        busySince.lazySet(registeredAt);
    }

    long enter(int site, Object ctx) {
        if (depth > 0) {
            depth++;
            if ((site & SiteFlags.SIGNALS_WAIT) != 0 && !waited) {
                waited = true;
                if (deferred) {
                    long now = token(System.nanoTime());
                    waitStart = now;
                    inCallSince.lazySet(now);
                }
            }
            return NESTED;
        }
        if ((site & SiteFlags.IDLE) != 0) {
            depth = 1;
            idleBegins();
            return IDLE;
        }
        if ((site & SiteFlags.SUPPRESS) != 0) {
            depth = 1;
            long now = token(System.nanoTime());
            inCallSince.lazySet(now);
            return now;
        }
        Error reject = null;
        try {
            if ((site & SiteFlags.BLOCKING_CHANNEL) != 0 && !((SelectableChannel) ctx).isBlocking()) {
                return 0L;
            }
            if ((site & SiteFlags.HOST_NAME) != 0 && !isHostName(ctx)) {
                return 0L;
            }
            depth = 1;
            waited = false;
            context = ctx;
            MethodHandle checker = Hooks.checker;
            if (checker != null) {
                // Runs with depth 1: whatever the checker does (a stack walk, class loading) is not recorded.
                reject = (Error) checker.invokeExact(thread, site, ctx);
            }
        } catch (Throwable e) {
            Hooks.failed(e);
        }
        if (reject != null) {
            reset();
            throw reject; // before the blocking work starts: no JDK state has changed yet
        }
        if (depth == 0) {
            return 0L;
        }
        if ((site & SiteFlags.CLOCK_AT_WAIT) != 0) {
            deferred = true;
            return DEFERRED;
        }
        long now = token(System.nanoTime());
        inCallSince.lazySet(now);
        return now;
    }

    /** A time that is not one of the special tokens (0, {@link #NESTED}, {@link #IDLE}, {@link #DEFERRED}). */
    private static long token(long nanos) {
        return nanos == 0L || nanos == NESTED || nanos == IDLE || nanos == DEFERRED ? nanos + 3 : nanos;
    }

    private static long nonZero(long nanos) {
        return nanos == 0L ? 1L : nanos;
    }

    private void idleBegins() {
        long since = busySince.get();
        if (since == 0L) {
            return;
        }
        long now = System.nanoTime();
        long stretch = now - since;
        busyTotal.lazySet(busyTotal.get() + stretch);
        long limit = Hooks.stallNanos;
        if (limit > 0L && stretch >= limit) {
            longExcluded.lazySet(excluded.get());
            longEnd.lazySet(now);
            longStart.lazySet(since); // last: a reader that sees this start sees its end and excluded time
        }
        busySince.lazySet(0L);
    }

    private void idleEnds() {
        excluded.lazySet(0L);
        busySince.lazySet(nonZero(System.nanoTime()));
        Hooks.busyAgain();
    }

    /** Time in a recorded call or an allowed scope: not part of a stall. */
    private void callEnds(long start, long end) {
        excluded.lazySet(excluded.get() + (end - start));
        inCallSince.lazySet(0L);
    }

    void exit(long token, int site) {
        if (token == NESTED) {
            if (depth > 0) {
                depth--;
            }
            return;
        }
        if (token == IDLE) {
            depth = 0;
            idleEnds();
            return;
        }
        if (token == DEFERRED) {
            if (!waited) {
                reset(); // returned without waiting: no blocking call, and no clock read
                return;
            }
            token = waitStart;
        }
        long end = System.nanoTime();
        callEnds(token, end);
        if ((site & SiteFlags.SUPPRESS) != 0) {
            reset();
            return;
        }
        if (end - token < Hooks.thresholdNanos) {
            reset(); // below the recorder's threshold: it would not record the call
            return;
        }
        try {
            if ((site & SiteFlags.CONDITIONAL) == 0 || waited) {
                MethodHandle recorder = Hooks.recorder;
                if (recorder != null) {
                    // The call's stack is taken here, not in the agent: the VM's walk of every frame is nearly all of
                    // what a repeated site costs, and the hop into the agent would add its own frames (the handle's
                    // hidden LambdaForms, the recorder's) to walk. The agent drops this class's frames from it.
                    Throwable stack = new Throwable();
                    // Still at depth 1 here: the recorder's own I/O, locks and class loading stay unrecorded.
                    recorder.invokeExact(thread, site, context, token, end, stack);
                }
            }
        } catch (Throwable e) {
            Hooks.failed(e);
        } finally {
            reset();
        }
    }

    private void reset() {
        depth = 0;
        waited = false;
        deferred = false;
        context = null;
    }

    /** {@code Connection.prepareStatement} returned {@code statement} for {@code sql} on this thread. */
    void prepared(Object statement, String sql) {
        int slot = preparedNext;
        preparedStatements[slot] = new WeakReference<>(statement);
        preparedSql[slot] = sql;
        preparedNext = (slot + 1) & (PREPARED - 1);
    }

    /** The SQL this thread prepared {@code statement} with, newest first; null when not among the last few. */
    String sqlOf(Object statement) {
        for (int back = 1; back <= PREPARED; back++) {
            int slot = (preparedNext - back) & (PREPARED - 1);
            WeakReference<?> ref = preparedStatements[slot];
            if (ref != null && ref.get() == statement) {
                return preparedSql[slot];
            }
        }
        return null;
    }

    /** A name that needs resolving: not null, not empty, not an IPv4 or IPv6 literal. */
    static boolean isHostName(Object ctx) {
        if (!(ctx instanceof String)) {
            return false;
        }
        String host = (String) ctx;
        if (host.isEmpty() || host.charAt(0) == '[' || host.indexOf(':') >= 0) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return true;
            }
        }
        return false;
    }
}
