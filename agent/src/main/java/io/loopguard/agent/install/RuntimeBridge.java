package io.loopguard.agent.install;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Consumer;

import io.loopguard.runtime.SiteFlags;

/**
 * The agent's typed view of the bootstrap runtime {@code java.lang.$LoopGuard}. The agent cannot link to that class
 * by name (its compile-time name is {@code io.loopguard.runtime.Hooks}, a different class in the agent's loader), so
 * every call goes through a method handle with JDK-only types.
 */
public final class RuntimeBridge implements Consumer<Thread> {
    private static final MethodType VOID_THREAD = MethodType.methodType(void.class, Thread.class);
    private final MethodHandle install;
    private final MethodHandle uninstall;
    private final MethodHandle ready;
    private final MethodHandle installSnapshot;
    private final MethodHandle installCatchUp;
    private final MethodHandle awaitFirstRegistration;
    private final MethodHandle wasRegistered;
    private final MethodHandle everRegistered;
    private final MethodHandle installDroppedCalls;
    private final MethodHandle installTests;
    private final MethodHandle register;
    private final MethodHandle registeredThreads;
    private final MethodHandle registeredThreadNames;
    private final MethodHandle unlistedRegistrations;
    private final MethodHandle enter;
    private final MethodHandle exit;
    private final MethodHandle errorCount;
    private final MethodHandle loopState;
    private final MethodHandle watchdogDozes;
    private final MethodHandle installStallLimit;
    private final MethodHandle installThreshold;
    private final MethodHandle firstError;
    private final MethodHandle throwableBacktrace;
    private final MethodHandle preparedSql;

    RuntimeBridge(Class<?> hooks) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        install = lookup.findStatic(hooks, "install", MethodType.methodType(void.class, MethodHandle.class,
                MethodHandle.class, MethodHandle.class, boolean.class));
        preparedSql = lookup.findStatic(hooks, "preparedSql", MethodType.methodType(String.class, Object.class));
        uninstall = lookup.findStatic(hooks, "uninstall", MethodType.methodType(void.class));
        ready = lookup.findStatic(hooks, "ready", MethodType.methodType(void.class));
        installSnapshot = lookup.findStatic(hooks, "installSnapshot", MethodType.methodType(void.class, MethodHandle.class));
        installCatchUp = lookup.findStatic(hooks, "installCatchUp", MethodType.methodType(void.class, MethodHandle.class));
        awaitFirstRegistration = lookup.findStatic(hooks, "awaitFirstRegistration", MethodType.methodType(void.class));
        everRegistered = lookup.findStatic(hooks, "everRegistered", MethodType.methodType(boolean.class));
        wasRegistered = lookup.findStatic(hooks, "wasRegistered", MethodType.methodType(boolean.class, long.class, long.class));
        installDroppedCalls = lookup.findStatic(hooks, "installDroppedCalls",
                MethodType.methodType(void.class, MethodHandle.class));
        installTests = lookup.findStatic(hooks, "installTests", MethodType.methodType(void.class, MethodHandle.class));
        register = lookup.findStatic(hooks, "register", VOID_THREAD);
        registeredThreads = lookup.findStatic(hooks, "registeredThreads", MethodType.methodType(Thread[].class));
        registeredThreadNames = lookup.findStatic(hooks, "registeredThreadNames", MethodType.methodType(String[].class));
        unlistedRegistrations = lookup.findStatic(hooks, "unlistedRegistrations", MethodType.methodType(long.class));
        enter = lookup.findStatic(hooks, "enter", MethodType.methodType(long.class, int.class, Object.class));
        exit = lookup.findStatic(hooks, "exit", MethodType.methodType(void.class, long.class, int.class));
        errorCount = lookup.findStatic(hooks, "errorCount", MethodType.methodType(long.class));
        loopState = lookup.findStatic(hooks, "loopState", MethodType.methodType(boolean.class, Thread.class, long[].class));
        watchdogDozes = lookup.findStatic(hooks, "watchdogDozes", VOID_THREAD);
        installStallLimit = lookup.findStatic(hooks, "installStallLimit", MethodType.methodType(void.class, long.class));
        installThreshold = lookup.findStatic(hooks, "installThreshold", MethodType.methodType(void.class, long.class));
        firstError = lookup.findStatic(hooks, "firstError", MethodType.methodType(Throwable.class));
        throwableBacktrace = lookup.findStatic(hooks, "throwableBacktrace",
                MethodType.methodType(java.lang.invoke.VarHandle.class));
    }

    void install(MethodHandle recorder, MethodHandle checker, MethodHandle threadWatcher, boolean autodetect) {
        try {
            install.invokeExact(recorder, checker, threadWatcher, autodetect);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code (Object statement) String}: the SQL the current (registered) thread prepared the statement with. */
    MethodHandle preparedSql() {
        return preparedSql;
    }

    /** Lets the {@code LoopGuard} API read the recorded call sites: {@code () Object} returning JDK types only. */
    void installSnapshot(MethodHandle snapshot) {
        try {
            installSnapshot.invokeExact(snapshot);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code Throwable.backtrace}, looked up inside {@code java.base}; null when the JDK has no such field. */
    public java.lang.invoke.VarHandle throwableBacktrace() {
        try {
            return (java.lang.invoke.VarHandle) throwableBacktrace.invokeExact();
        } catch (Throwable e) {
            return null;
        }
    }

    /** Lets {@code LoopGuard.recordedCallSites()} wait for JFR-delivered events first: {@code () void}. */
    public void installCatchUp(MethodHandle catchUp) {
        try {
            installCatchUp.invokeExact(catchUp);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Blocks until a first event-loop thread is registered (only ever on an agent thread). */
    public void awaitFirstRegistration() throws InterruptedException {
        try {
            awaitFirstRegistration.invokeExact();
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Whether an event-loop thread was ever registered in this JVM. */
    public boolean everRegistered() {
        try {
            return (boolean) everRegistered.invokeExact();
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Whether the thread with this id was registered at that time (events that arrive late, after it ended). */
    public boolean wasRegistered(long threadId, long epochMillis) {
        try {
            return (boolean) wasRegistered.invokeExact(threadId, epochMillis);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code dropped} ({@code ()long}) answers {@code LoopGuard.droppedCalls()}. */
    void installDroppedCalls(MethodHandle dropped) {
        try {
            installDroppedCalls.invokeExact(dropped);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** {@code tests} ({@code (String, boolean)void}) hears the test framework's test starts and finishes. */
    void installTests(MethodHandle tests) {
        try {
            installTests.invokeExact(tests);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Instrumentation is in place: threads may be registered now. */
    public void ready() {
        try {
            ready.invokeExact();
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public void uninstall() {
        try {
            uninstall.invokeExact();
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Registers a thread (the {@link Consumer} view is what {@code ThreadWatcher} is given). */
    @Override
    public void accept(Thread thread) {
        register(thread);
    }

    public void register(Thread thread) {
        try {
            register.invokeExact(thread);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public Thread[] registeredThreads() {
        try {
            return (Thread[]) registeredThreads.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every thread name registered so far, also of threads that ended (bounded). */
    public String[] registeredThreadNames() {
        try {
            return (String[]) registeredThreadNames.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registrations whose name {@link #registeredThreadNames()} does not list (its bound was reached). */
    public long unlistedRegistrations() {
        try {
            return (long) unlistedRegistrations.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks the current thread as inside an allowed scope (the agent's own work on a loop thread is never recorded). */
    public long suppressBegin() {
        try {
            return (long) enter.invokeExact(SiteFlags.SUPPRESS, (Object) null);
        } catch (Throwable e) {
            return 0L;
        }
    }

    public void suppressEnd(long token) {
        try {
            exit.invokeExact(token, SiteFlags.SUPPRESS);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** Fills {@code out} with the thread's busy/idle state (the runtime's {@code Hooks.loopState}); false if unregistered. */
    public boolean loopState(Thread thread, long[] out) {
        try {
            return (boolean) loopState.invokeExact(thread, out);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The watchdog dozes ({@code watchdog}: the first loop to get busy unparks it) or ticks again (null). */
    public void watchdogDozes(Thread watchdog) {
        try {
            watchdogDozes.invokeExact(watchdog);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The recorder's threshold: the runtime does not hand it shorter calls. */
    void installThreshold(long nanos) {
        try {
            installThreshold.invokeExact(nanos);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    /** The stall limit the loops compare their busy stretches with (0: off). */
    void installStallLimit(long nanos) {
        try {
            installStallLimit.invokeExact(nanos);
        } catch (Throwable e) {
            throw rethrow(e);
        }
    }

    public long errorCount() {
        try {
            return (long) errorCount.invokeExact();
        } catch (Throwable e) {
            return 0L;
        }
    }

    public Throwable firstError() {
        try {
            return (Throwable) firstError.invokeExact();
        } catch (Throwable e) {
            return e;
        }
    }

    private static RuntimeException rethrow(Throwable e) {
        if (e instanceof Error) {
            throw (Error) e;
        }
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e);
    }
}
