package io.loopguard.agent.install;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import io.loopguard.runtime.SiteFlags;

/**
 * The agent's typed view of the bootstrap runtime {@code java.lang.$LoopGuard}. The agent cannot link to that class
 * by name (its compile-time name is {@code io.loopguard.runtime.Hooks}, a different class in the agent's loader), so
 * every call goes through a method handle with JDK-only types.
 */
public final class RuntimeBridge {
    private static final MethodType VOID_THREAD = MethodType.methodType(void.class, Thread.class);
    private final MethodHandle install;
    private final MethodHandle uninstall;
    private final MethodHandle register;
    private final MethodHandle isRegistered;
    private final MethodHandle registeredThreads;
    private final MethodHandle enter;
    private final MethodHandle exit;
    private final MethodHandle errorCount;
    private final MethodHandle firstError;

    RuntimeBridge(Class<?> hooks) throws ReflectiveOperationException {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        install = lookup.findStatic(hooks, "install", MethodType.methodType(void.class, MethodHandle.class,
                MethodHandle.class, MethodHandle.class, MethodHandle.class, boolean.class));
        uninstall = lookup.findStatic(hooks, "uninstall", MethodType.methodType(void.class));
        register = lookup.findStatic(hooks, "register", VOID_THREAD);
        isRegistered = lookup.findStatic(hooks, "isRegistered", MethodType.methodType(boolean.class, Thread.class));
        registeredThreads = lookup.findStatic(hooks, "registeredThreads", MethodType.methodType(Thread[].class));
        enter = lookup.findStatic(hooks, "enter", MethodType.methodType(long.class, int.class, Object.class));
        exit = lookup.findStatic(hooks, "exit", MethodType.methodType(void.class, long.class, int.class));
        errorCount = lookup.findStatic(hooks, "errorCount", MethodType.methodType(long.class));
        firstError = lookup.findStatic(hooks, "firstError", MethodType.methodType(Throwable.class));
    }

    void install(MethodHandle recorder, MethodHandle checker, MethodHandle threadWatcher, MethodHandle sqlCapture,
                 boolean autodetect) {
        run(() -> {
            install.invokeExact(recorder, checker, threadWatcher, sqlCapture, autodetect);
        });
    }

    public void uninstall() {
        run(() -> {
            uninstall.invokeExact();
        });
    }

    public void register(Thread thread) {
        run(() -> {
            register.invokeExact(thread);
        });
    }

    public boolean isRegistered(Thread thread) {
        try {
            return (boolean) isRegistered.invokeExact(thread);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    public Thread[] registeredThreads() {
        try {
            return (Thread[]) registeredThreads.invokeExact();
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
        run(() -> {
            exit.invokeExact(token, SiteFlags.SUPPRESS);
        });
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

    private interface Call {
        void run() throws Throwable;
    }

    private static void run(Call call) {
        try {
            call.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
