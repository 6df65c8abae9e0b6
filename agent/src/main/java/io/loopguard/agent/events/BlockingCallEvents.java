package io.loopguard.agent.events;

import java.lang.invoke.VarHandle;

import jdk.jfr.FlightRecorder;

/**
 * Commits {@code io.loopguard.BlockingCall} events for the recorder, after the call has ended.
 *
 * <p>Cost when no recording has the event enabled: {@link #enabled()} is JFR's own {@code isEnabled()} on a shared
 * instance (a static read in JFR's generated code; the method keeps no state in the instance, so sharing it between
 * threads is safe), nothing is allocated. Measured with JMH in bench/results.md.
 *
 * <p>The event's duration is the call's. JFR's public API only times an event between {@code begin()} and
 * {@code end()}, and the recorder learns of the call after it ended, so the start and duration that JFR's generated
 * {@code commit()} keeps when they are already set are written through {@link VarHandle}s on the fields JFR adds to
 * every event class. They are in JFR's ticks, which are {@code System.nanoTime()}'s clock on HotSpot unless
 * {@code -XX:+UseFastUnorderedTimeStamps} is set: {@link #commit} checks that on every event ({@code begin()} reads
 * JFR's clock) and otherwise keeps JFR's own timing (a zero duration at the call's end) rather than write a wrong one.
 */
public final class BlockingCallEvents {
    /** The event's name in recordings. */
    public static final String NAME = BlockingCallEvent.NAME;
    private static final BlockingCallEvent PROBE = new BlockingCallEvent();
    private static final long SAME_CLOCK_NANOS = 50_000_000L;

    private BlockingCallEvents() {
    }

    /** Set once the agent's own stream runs: then a recording other than that stream must want the event. */
    private static volatile RecordingWatch watch;

    /** Whether a running recording has the event enabled. Loads {@code jdk.jfr} on first use. */
    public static boolean enabled() {
        if (!PROBE.isEnabled()) {
            return false;
        }
        RecordingWatch own = watch;
        return own == null || own.othersWant();
    }

    /**
     * Whether a recording other than the agent's own stream may want the event named {@code eventName} (one of the
     * agent's events): always before that stream runs, JFR's own enabled state decides then.
     */
    static boolean othersWant(String eventName) {
        RecordingWatch own = watch;
        return own == null || own.othersWant(eventName);
    }

    /**
     * Called by the agent's JFR stream before it starts (see {@link RecordingWatch}).
     *
     * @param ownMarkerName the name of an event only the agent's stream enables explicitly
     */
    public static void ignoreOwnStream(String ownMarkerName) {
        RecordingWatch created = new RecordingWatch(ownMarkerName);
        watch = created;
        FlightRecorder.addListener(created);
    }

    /**
     * {@link #commit} from the agent's relay thread: for calls recorded on a thread that JFR excludes from
     * recording (the agent's JFR stream thread, see {@link Relay}).
     */
    public static void commitFromAnotherThread(String category, String blockingMethod, String detail, String loopThread,
                                               String callSite, String stack, long startNanos, long nanos) {
        Relay.offer(new Object[] {category, blockingMethod, detail, loopThread, callSite, stack, startNanos, nanos});
    }

    /**
     * Commits one event; call only when {@link #enabled()}.
     *
     * @param startNanos the call's start on {@code System.nanoTime()}'s clock
     * @param nanos      the call's duration
     */
    public static void commit(String category, String blockingMethod, String detail, String loopThread, String callSite,
                              String stack, long startNanos, long nanos) {
        BlockingCallEvent event = new BlockingCallEvent();
        event.category = category;
        event.blockingMethod = blockingMethod;
        event.detail = detail;
        event.loopThread = loopThread;
        event.callSite = callSite;
        event.stack = stack;
        event.begin();
        long now = System.nanoTime();
        Clock clock = Clock.of(event, now);
        if (clock != null && nanos > 0) {
            long ticks = (long) clock.startTime.get(event);
            if (Math.abs(ticks - (now + clock.offset)) < SAME_CLOCK_NANOS) {
                clock.startTime.set(event, startNanos + clock.offset);
                clock.duration.set(event, nanos);
            }
        }
        event.commit();
    }

    /**
     * JFR's clock seen from {@code System.nanoTime()}: HotSpot's ticks are {@code os::elapsed_counter()}, nanoTime
     * minus the JVM's start, unless fast time stamps are on. Measured once, on the first event: two readings 100 µs
     * apart must advance by the same number of nanoseconds (±10 %); otherwise this JVM's events keep JFR's own timing.
     */
    private static final class Clock {
        private static volatile Clock measured;
        private static volatile boolean done;

        final VarHandle startTime;
        final VarHandle duration;
        final long offset;

        private Clock(VarHandle startTime, VarHandle duration, long offset) {
            this.startTime = startTime;
            this.duration = duration;
            this.offset = offset;
        }

        static Clock of(BlockingCallEvent event, long now) {
            if (done) {
                return measured;
            }
            synchronized (Clock.class) {
                if (!done) {
                    measured = measure(event, now);
                    done = true;
                }
            }
            return measured;
        }

        private static Clock measure(BlockingCallEvent event, long firstNanos) {
            VarHandle start = BlockingCallEvent.timingField("startTime");
            VarHandle length = BlockingCallEvent.timingField("duration");
            if (start == null || length == null) {
                return null;
            }
            long firstTicks = (long) start.get(event);
            long secondNanos;
            do {
                Thread.onSpinWait();
                secondNanos = System.nanoTime();
            } while (secondNanos - firstNanos < 100_000L);
            event.begin();
            long secondTicks = (long) start.get(event);
            long ticks = secondTicks - firstTicks;
            long nanos = System.nanoTime() - firstNanos;
            if (ticks < nanos * 9 / 10 || ticks > nanos * 11 / 10) {
                return null;
            }
            return new Clock(start, length, secondTicks - secondNanos);
        }
    }
}
