package io.loopguard;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Registers event-loop threads with the loopguard agent.
 *
 * <p>A blocking call (file, socket, JDBC, sleep, a contended lock, ...) made on a registered thread is recorded by the
 * agent. Netty, Vert.x and Reactor loop threads are recognised by the agent itself; this API is for loops it cannot
 * recognise (a hand-written selector loop, a single-threaded executor used as a loop).
 *
 * <p>Without the agent every method is a cheap no-op, except that {@link #isRegistered(Thread)} answers from a plain
 * in-jar registry so that tests of the registering code still work.
 *
 * <p>The agent's runtime lives in the bootstrap class loader; this class reaches it by name through the JDK only
 * ({@code Class.forName} with the bootstrap loader and method handles), so the API jar and the agent jar never need
 * to share a class loader.
 */
public final class LoopGuard {

    /** Name of the class the agent defines inside {@code java.base} (see the agent's RuntimeInjector). */
    static final String RUNTIME_CLASS = "java.lang.$LoopGuard";

    private static final Bridge BRIDGE = Bridge.find();
    private static final Map<Thread, Boolean> LOCAL = Collections.synchronizedMap(new WeakHashMap<>());

    private LoopGuard() {
    }

    /** Marks {@code thread} as an event loop: blocking calls on it are recorded from now on. */
    public static void register(Thread thread) {
        if (thread == null) {
            throw new NullPointerException("thread");
        }
        if (BRIDGE != null) {
            BRIDGE.call(BRIDGE.register, thread);
        } else {
            LOCAL.put(thread, Boolean.TRUE);
        }
    }

    /** Stops treating {@code thread} as an event loop. */
    public static void unregister(Thread thread) {
        if (thread == null) {
            throw new NullPointerException("thread");
        }
        if (BRIDGE != null) {
            BRIDGE.call(BRIDGE.unregister, thread);
        } else {
            LOCAL.remove(thread);
        }
    }

    /** Whether {@code thread} is registered, explicitly, by a thread-name glob or by auto-detection. */
    public static boolean isRegistered(Thread thread) {
        if (thread == null) {
            return false;
        }
        if (BRIDGE != null) {
            return BRIDGE.test(thread);
        }
        return LOCAL.containsKey(thread);
    }

    /**
     * The blocking call sites recorded on event-loop threads so far in this JVM, most time blocked first; empty
     * without the agent. Test integrations (the JUnit extension) compare snapshots before and after a test.
     *
     * <p>Contended {@code synchronized} entries and pinned virtual threads are reported by the JVM (JFR) up to about a
     * second after they happened; this waits for them (at most about a second, and only while the agent's JFR stream
     * runs, i.e. once a loop thread was registered). {@link #recordedCallSites(boolean)} can skip that wait.
     */
    public static List<RecordedCallSite> recordedCallSites() {
        return recordedCallSites(true);
    }

    /**
     * As {@link #recordedCallSites()}; with {@code awaitLateEvents} false it returns at once, without the contended
     * monitors and pinned virtual threads the JVM has not reported yet.
     */
    public static List<RecordedCallSite> recordedCallSites(boolean awaitLateEvents) {
        if (BRIDGE == null || BRIDGE.callSites == null) {
            return List.of();
        }
        if (awaitLateEvents && BRIDGE.awaitLateEvents != null) {
            try {
                BRIDGE.awaitLateEvents.invokeExact();
            } catch (Throwable e) {
                // an older or failing agent: the snapshot below is still right for everything else
            }
        }
        Object raw;
        try {
            raw = BRIDGE.callSites.invokeExact();
        } catch (Throwable e) {
            return List.of();
        }
        if (!(raw instanceof List)) {
            return List.of();
        }
        List<RecordedCallSite> out = new ArrayList<>();
        for (Object site : (List<?>) raw) {
            out.add(RecordedCallSite.fromMap((Map<?, ?>) site));
        }
        return List.copyOf(out);
    }

    /**
     * Blocking calls the agent could not record so far in this JVM because its bound on distinct call sites
     * ({@code maxSites}) was reached: when this grows, the recorded call sites are incomplete. 0 without the agent.
     */
    public static long droppedCalls() {
        if (BRIDGE == null || BRIDGE.droppedCalls == null) {
            return 0;
        }
        try {
            return (long) BRIDGE.droppedCalls.invokeExact();
        } catch (Throwable e) {
            return 0;
        }
    }

    /**
     * Tells the agent that a test started: blocking calls recorded from now on name it (the data file's {@code tests},
     * and {@code check}, SARIF, JUnit XML and the HTML report after it). Called by {@code loopguard-junit}'s test
     * listener, which the JUnit Platform loads by itself; other test frameworks can call it. A no-op without the agent.
     *
     * @param name the test, e.g. {@code com.example.UserHandlerTest#readsUser()}
     */
    public static void testStarted(String name) {
        testEvent(name, true);
    }

    /** Tells the agent that the test {@code name} passed to {@link #testStarted(String)} finished. */
    public static void testFinished(String name) {
        testEvent(name, false);
    }

    private static void testEvent(String name, boolean started) {
        if (name == null || BRIDGE == null || BRIDGE.testEvent == null) {
            return;
        }
        try {
            BRIDGE.testEvent.invokeExact(name, started);
        } catch (Throwable e) {
            // an older or failing agent: attribution is best effort, the test itself must not fail for it
        }
    }

    /** True when the loopguard agent is attached and enabled in this JVM. */
    public static boolean isActive() {
        return BRIDGE != null;
    }

    /** Method handles on the agent's bootstrap runtime, or absent when no agent is attached. */
    private static final class Bridge {
        final MethodHandle register;
        final MethodHandle unregister;
        final MethodHandle isRegistered;
        final MethodHandle callSites;
        final MethodHandle awaitLateEvents;
        final MethodHandle droppedCalls;
        final MethodHandle testEvent;

        private Bridge(MethodHandle register, MethodHandle unregister, MethodHandle isRegistered, MethodHandle callSites,
                       MethodHandle awaitLateEvents, MethodHandle droppedCalls, MethodHandle testEvent) {
            this.register = register;
            this.unregister = unregister;
            this.isRegistered = isRegistered;
            this.callSites = callSites;
            this.awaitLateEvents = awaitLateEvents;
            this.droppedCalls = droppedCalls;
            this.testEvent = testEvent;
        }

        static Bridge find() {
            try {
                Class<?> runtime = Class.forName(RUNTIME_CLASS, false, null);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                MethodType threadToVoid = MethodType.methodType(void.class, Thread.class);
                return new Bridge(
                        lookup.findStatic(runtime, "register", threadToVoid),
                        lookup.findStatic(runtime, "unregister", threadToVoid),
                        lookup.findStatic(runtime, "isRegistered", MethodType.methodType(boolean.class, Thread.class)),
                        optional(lookup, runtime, "callSites", MethodType.methodType(Object.class)),
                        optional(lookup, runtime, "awaitLateEvents", MethodType.methodType(void.class)),
                        optional(lookup, runtime, "droppedCalls", MethodType.methodType(long.class)),
                        optional(lookup, runtime, "testEvent",
                                MethodType.methodType(void.class, String.class, boolean.class)));
            } catch (ReflectiveOperationException | LinkageError | SecurityException e) {
                return null; // no agent, or agent disabled: the in-jar registry answers
            }
        }

        private static MethodHandle optional(MethodHandles.Lookup lookup, Class<?> runtime, String name, MethodType type) {
            try {
                return lookup.findStatic(runtime, name, type);
            } catch (ReflectiveOperationException e) {
                return null; // an older agent
            }
        }

        void call(MethodHandle handle, Thread thread) {
            try {
                handle.invokeExact(thread);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        boolean test(Thread thread) {
            try {
                return (boolean) isRegistered.invokeExact(thread);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
