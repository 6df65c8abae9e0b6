package io.loopguard.runtime;

import java.io.FileDescriptor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.SyncFailedException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * What instrumented code calls. The agent defines this class inside {@code java.base} as {@code java.lang.$LoopGuard}
 * (see the agent's {@code RuntimeInjector}), because code woven into {@code java.lang.Thread} or
 * {@code sun.nio.ch.FileChannelImpl} can only link to classes the bootstrap loader knows.
 *
 * <p>Warning: this class must only ever be used as that bootstrap copy. A copy loaded by any other class loader
 * would be a different class with its own empty registry. The agent reaches it through method handles, the
 * {@code io.loopguard.LoopGuard} API by name.
 *
 * <p>Rules for everything in this package: JDK types only, no I/O, no logging, no lambdas (they would bootstrap
 * {@code invokedynamic} inside a JDK method being instrumented), no exception escapes except the deliberate
 * {@code BlockingCallError} of {@code mode=throw}. The interesting work (stack, aggregation, files) happens in the
 * agent, behind the {@link MethodHandle}s below, installed once at start-up.
 */
public final class Hooks {
    /**
     * {@code (Thread, int site, Object context, long startNanos, long endNanos, Throwable stack) void}: {@code stack}
     * is made on the recorded call's own stack, its top frames this runtime's.
     */
    static volatile MethodHandle recorder;
    /** {@code (Thread, int site, Object context) Error}: null when the call may run; only set in {@code mode=throw}. */
    static volatile MethodHandle checker;
    /** {@code (Thread) void}: decides whether a starting or renamed thread is an event loop; null when nothing to match. */
    static volatile MethodHandle threadWatcher;
    static volatile boolean autodetect;
    /** {@code () Object}: the recorded call sites as {@code List<Map<String, Object>>} (JDK types only). */
    static volatile MethodHandle snapshot;
    /** {@code ()long}: calls dropped at the call-site bound so far, for {@code LoopGuard.droppedCalls()}. */
    static volatile MethodHandle dropped;
    /** {@code (String, boolean) void}: a test started ({@code true}) or finished, for per-test attribution. */
    static volatile MethodHandle tests;

    /** The stall limit in nanoseconds (0: off): a busy stretch this long is kept for the watchdog when it ends. */
    static volatile long stallNanos;

    /**
     * The recorder's {@code threshold}: a call shorter than this is not handed to the recorder at all, which would
     * only return (its first check). Saves the method-handle hop into the agent after every short call, the largest
     * part of the agent's per-call cost on a loop when nothing is recorded ({@code profile=production}'s 1 ms).
     */
    static volatile long thresholdNanos;

    private static final AtomicLong ERRORS = new AtomicLong();
    /**
     * Opened once the agent's background start-up has woven the JDK: registering a thread waits for it, so no call
     * on a registered thread can run un-instrumented (and before it, no thread is registered, so nothing is missed).
     */
    private static final CountDownLatch READY = new CountDownLatch(1);
    /**
     * Opened by the first registration of an event-loop thread: the agent's JFR reader waits on it, so that a JVM
     * that never registers a loop never starts a recording stream (about 0.4 s of work and a JFR repository).
     */
    private static final CountDownLatch FIRST_REGISTERED = new CountDownLatch(1);
    /** {@code () void}: waits until events the JVM timed itself (JFR) up to now have reached the recorder. */
    static volatile MethodHandle catchUp;
    /**
     * The agent's watchdog thread while it dozes (at its last look every registered loop was idle, so it looks again
     * only after a longer sleep), else null; the first loop to get busy meanwhile wakes it ({@link #busyAgain}). Why:
     * a thread woken a hundred times a second costs several milliseconds of CPU per second on a VM even with nothing
     * to look at, and a production JVM's loops are idle most of the time.
     */
    private static final AtomicReference<Thread> DOZING_WATCHDOG = new AtomicReference<>();
    private static volatile Throwable firstError;
    /** {@code RandomAccessFile.path}, made accessible on first use (this class is inside {@code java.base}). */
    private static volatile Field randomAccessFilePath;

    private Hooks() {
    }

    // ---- woven into instrumented methods -------------------------------------------------------------------

    /** Entry of an instrumented method. Returns 0 for "not timed", else a token for {@link #exit}. */
    public static long enter(int site, Object context) {
        LoopThread loop = ThreadRegistry.find(Thread.currentThread());
        return loop == null ? 0L : loop.enter(site, context);
    }

    /** Every exit (return or throw) of an instrumented method whose {@link #enter} returned a non-zero token. */
    public static void exit(long token, int site) {
        if (token == 0L) {
            return;
        }
        LoopThread loop = ThreadRegistry.find(Thread.currentThread());
        if (loop != null) {
            loop.exit(token, site);
        }
    }

    /** Entry of {@code Thread.start()} and exit of {@code Thread.setName}: name globs and framework thread types. */
    public static void threadStarting(Thread thread) {
        MethodHandle watcher = threadWatcher;
        if (watcher != null && thread != null) {
            try {
                watcher.invokeExact(thread);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    /**
     * Entry of a Netty event loop's {@code run()}: the current thread is an event loop from now on, whatever its
     * class (a virtual thread, a thread of the application's own factory). Also the entry of each turn of a loop the
     * application drives itself (Netty 4.2's {@code ManualIoEventLoop}), so a thread already registered returns at
     * the cost of one lookup.
     */
    public static void loopStarted() {
        if (autodetect) {
            try {
                Thread current = Thread.currentThread();
                if (ThreadRegistry.find(current) == null) {
                    register(current);
                }
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    /**
     * Exit of {@code Connection.prepareStatement/prepareCall(String, ...)}: the statement and its SQL text, kept by a
     * registered thread for the detail of its JDBC calls ({@link LoopThread#prepared}); on any other thread one
     * registry lookup and nothing else.
     */
    public static void sqlPrepared(Object statement, Object sql) {
        if (statement != null && sql instanceof String) {
            LoopThread loop = ThreadRegistry.find(Thread.currentThread());
            if (loop != null) {
                loop.prepared(statement, (String) sql);
            }
        }
    }

    /**
     * The SQL the current thread prepared {@code statement} with, if it is a registered thread and the statement one
     * of the last few it prepared; else null. For the agent's recorder, which describes a JDBC call on the thread
     * that made it.
     */
    public static String preparedSql(Object statement) {
        LoopThread loop = ThreadRegistry.find(Thread.currentThread());
        return loop == null || statement == null ? null : loop.sqlOf(statement);
    }

    // ---- JDK 17 call-site rewrite targets: Thread.sleep(long), Object.wait(long), Thread.yield() are native there

    public static void sleep(long millis) throws InterruptedException {
        long token = enter(SiteFlags.NATIVE_SLEEP, null);
        try {
            Thread.sleep(millis);
        } finally {
            exit(token, SiteFlags.NATIVE_SLEEP);
        }
    }

    public static void waitOn(Object monitor, long millis) throws InterruptedException {
        long token = enter(SiteFlags.NATIVE_WAIT, monitor);
        try {
            monitor.wait(millis);
        } finally {
            exit(token, SiteFlags.NATIVE_WAIT);
        }
    }

    public static void yieldNow() {
        long token = enter(SiteFlags.NATIVE_YIELD, null);
        try {
            Thread.yield();
        } finally {
            exit(token, SiteFlags.NATIVE_YIELD);
        }
    }

    // JDK 17 call-site rewrite targets too: RandomAccessFile.length()/setLength(long) and FileDescriptor.sync() are
    // native up to JDK 21. The path (the contract's detail) is read only on a registered thread.

    public static long fileLength(RandomAccessFile file) throws IOException {
        long token = enterFile(SiteFlags.NATIVE_FILE_LENGTH, file);
        try {
            return file.length();
        } finally {
            exit(token, SiteFlags.NATIVE_FILE_LENGTH);
        }
    }

    public static void setFileLength(RandomAccessFile file, long length) throws IOException {
        long token = enterFile(SiteFlags.NATIVE_FILE_SET_LENGTH, file);
        try {
            file.setLength(length);
        } finally {
            exit(token, SiteFlags.NATIVE_FILE_SET_LENGTH);
        }
    }

    public static void syncFile(FileDescriptor descriptor) throws SyncFailedException {
        long token = enter(SiteFlags.NATIVE_FILE_SYNC, null); // a descriptor does not know its path
        try {
            descriptor.sync();
        } finally {
            exit(token, SiteFlags.NATIVE_FILE_SYNC);
        }
    }

    private static long enterFile(int site, RandomAccessFile file) {
        LoopThread loop = ThreadRegistry.find(Thread.currentThread());
        return loop == null ? 0L : loop.enter(site, pathOf(file));
    }

    /**
     * The path the file was opened with (its private {@code path} field, as the advice of JDK 25 reads it), or null.
     * Deep reflection is allowed here without any {@code --add-opens}: this class and {@code java.io} share a module.
     */
    private static String pathOf(RandomAccessFile file) {
        try {
            Field path = randomAccessFilePath;
            if (path == null) {
                path = RandomAccessFile.class.getDeclaredField("path");
                path.setAccessible(true);
                randomAccessFilePath = path;
            }
            return (String) path.get(file);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a null file fails in the call itself, as without the agent
        }
    }

    // ---- the registry: io.loopguard.LoopGuard and the agent call these ------------------------------------

    public static void register(Thread thread) {
        awaitReady();
        ThreadRegistry.register(thread);
        RegisteredIds.registered(thread);
        FIRST_REGISTERED.countDown();
        busyAgain(); // a thread registered by name or API is busy until its first idle wait
    }

    /**
     * The watchdog announces that it dozes ({@code watchdog}), or that it looks every tick again (null). It looks
     * once more after announcing, so a loop that got busy before it could see the announcement is not missed.
     */
    public static void watchdogDozes(Thread watchdog) {
        DOZING_WATCHDOG.set(watchdog);
    }

    /**
     * A registered loop just got busy: wakes the watchdog if it dozes. One volatile read on every end of an idle
     * wait; one loop per doze pays the unpark (the first to clear the reference). The busy mark before it is a lazy
     * store, so in a window of nanoseconds the watchdog's second look may miss it while this read misses the
     * announcement: that loop is then seen at the end of the doze, as if it had got busy just before.
     */
    static void busyAgain() {
        Thread watchdog = DOZING_WATCHDOG.get();
        if (watchdog != null && DOZING_WATCHDOG.compareAndSet(watchdog, null)) {
            LockSupport.unpark(watchdog);
        }
    }

    /**
     * Whether the thread with this id was a registered event loop at that time: JFR delivers an event about a second
     * after it happened, when a short-lived loop may have ended, unregistered, and left the registry.
     */
    public static boolean wasRegistered(long threadId, long epochMillis) {
        return RegisteredIds.wasRegistered(threadId, epochMillis);
    }

    /** Whether an event-loop thread was ever registered in this JVM. */
    public static boolean everRegistered() {
        return FIRST_REGISTERED.getCount() == 0;
    }

    /** Blocks the calling (agent) thread until a first event-loop thread is registered. */
    public static void awaitFirstRegistration() throws InterruptedException {
        FIRST_REGISTERED.await();
    }

    public static void unregister(Thread thread) {
        ThreadRegistry.unregister(thread);
        RegisteredIds.unregistered(thread);
    }

    public static boolean isRegistered(Thread thread) {
        return ThreadRegistry.find(thread) != null;
    }

    public static Thread[] registeredThreads() {
        return ThreadRegistry.threads();
    }

    /** Number of longs {@link #loopState} fills. */
    public static final int LOOP_STATE_LENGTH = 8;

    /**
     * The busy/idle state of a registered thread, for the agent's watchdog: {@code busySince} (0 while idle), time of
     * the current busy stretch spent in recorded calls and allowed scopes, start of the call in progress (0: none),
     * the last long busy stretch (start, end, excluded time), the sum of ended busy stretches, the registration
     * time; all {@code System.nanoTime()} values. False (and {@code out} untouched) when not registered.
     */
    public static boolean loopState(Thread thread, long[] out) {
        LoopThread loop = ThreadRegistry.find(thread);
        if (loop == null) {
            return false;
        }
        long start;
        do {
            start = loop.longStart.get();
            out[4] = loop.longEnd.get();
            out[5] = loop.longExcluded.get();
        } while (start != loop.longStart.get());
        out[3] = start;
        long since;
        do {
            since = loop.busySince.get();
            out[1] = loop.excluded.get();
            out[2] = loop.inCallSince.get();
            out[6] = loop.busyTotal.get();
        } while (since != loop.busySince.get());
        out[0] = since;
        out[7] = loop.registeredAt;
        return true;
    }

    /** Sets the recorder's threshold (calls shorter are not handed to it); before the first registration. */
    public static void installThreshold(long nanos) {
        thresholdNanos = nanos;
    }

    /** Sets the stall limit (0: off); before the first registration. */
    public static void installStallLimit(long nanos) {
        stallNanos = nanos;
    }

    /** The name of every thread registered so far, also those that ended (at most 1,000). */
    public static String[] registeredThreadNames() {
        return ThreadRegistry.names();
    }

    /** Registrations beyond the bound of {@link #registeredThreadNames()}. */
    public static long unlistedRegistrations() {
        return ThreadRegistry.unlistedRegistrations();
    }

    /**
     * Waits until events the JVM timed itself (contended monitors, pinned virtual threads), which arrive through JFR
     * up to about a second late, have been recorded: at most that second, and only while a JFR stream runs.
     */
    public static void awaitLateEvents() {
        MethodHandle sync = catchUp;
        if (sync != null) {
            try {
                sync.invokeExact();
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    /** The call sites recorded so far, for {@code LoopGuard.recordedCallSites()}; empty before start-up finished. */
    public static Object callSites() {
        MethodHandle handle = snapshot;
        if (handle == null) {
            return null;
        }
        try {
            return (Object) handle.invokeExact();
        } catch (Throwable e) {
            failed(e);
            return null;
        }
    }

    public static void installSnapshot(MethodHandle snapshot) {
        Hooks.snapshot = snapshot;
    }

    public static void installCatchUp(MethodHandle catchUp) {
        Hooks.catchUp = catchUp;
    }

    /** Calls dropped so far because the bound on distinct call sites was reached; 0 before start-up finished. */
    public static long droppedCalls() {
        MethodHandle handle = dropped;
        if (handle == null) {
            return 0;
        }
        try {
            return (long) handle.invokeExact();
        } catch (Throwable e) {
            failed(e);
            return 0;
        }
    }

    /**
     * A test started or finished ({@code LoopGuard.testStarted/testFinished}, called by the test framework's
     * listener): recorded calls name the tests running when they happened. Ignored before start-up finished.
     */
    public static void testEvent(String name, boolean started) {
        MethodHandle handle = tests;
        if (handle != null) {
            try {
                handle.invokeExact(name, started);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void installTests(MethodHandle tests) {
        Hooks.tests = tests;
    }

    public static void installDroppedCalls(MethodHandle dropped) {
        Hooks.dropped = dropped;
    }

    // ---- set-up and health, for the agent ------------------------------------------------------------------

    public static void install(MethodHandle recorder, MethodHandle checker, MethodHandle threadWatcher,
                               boolean autodetect) {
        Hooks.recorder = recorder;
        Hooks.checker = checker;
        Hooks.threadWatcher = threadWatcher;
        Hooks.autodetect = autodetect;
    }

    /** Called by the agent when instrumentation is in place (or failed: registration must never hang). */
    public static void ready() {
        READY.countDown();
    }

    private static void awaitReady() {
        boolean interrupted = false;
        while (READY.getCount() > 0) {
            try {
                READY.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops all recording (JVM shutdown): calls still in flight finish without calling into the agent. */
    public static void uninstall() {
        install(null, null, null, false);
    }

    /**
     * A handle on {@code Throwable.backtrace}, the VM's unresolved stack of a throwable (method ids, bytecode indexes,
     * classes), or null. Only code inside {@code java.base}, where this class is defined, may look it up without
     * opening {@code java.lang} to anyone: the agent hashes it to recognise a repeated stack without resolving its
     * names (io.loopguard.agent.record.BacktraceKey). Read-only use; never written.
     */
    public static java.lang.invoke.VarHandle throwableBacktrace() {
        try {
            return java.lang.invoke.MethodHandles.privateLookupIn(Throwable.class, java.lang.invoke.MethodHandles.lookup())
                    .findVarHandle(Throwable.class, "backtrace", Object.class);
        } catch (ReflectiveOperationException | RuntimeException e) { // not inside java.base (unit tests), or no field
            return null;
        }
    }

    public static long errorCount() {
        return ERRORS.get();
    }

    public static Throwable firstError() {
        return firstError;
    }

    static void failed(Throwable e) {
        if (ERRORS.getAndIncrement() == 0) {
            firstError = e;
        }
    }
}
