package io.loopguard.agent.events;

import jdk.jfr.FlightRecorder;

import io.loopguard.agent.looptime.LoopUtilization;

/**
 * The periodic {@code io.loopguard.LoopUtilization} event: registered with {@link FlightRecorder#addPeriodicEvent},
 * so JFR runs {@link #run()} on its own periodic thread once per period, and only while a recording has the event
 * enabled. Why this rather than the watchdog's looks (measured, bench/results.md): the hook costs nothing when no
 * recording runs (JFR never calls it), a few microseconds per period and loop when one does, and only a periodic
 * event has JFR's {@code period} setting, so a {@code .jfc} sets the period like for the JDK's own events; the
 * watchdog's ticks would need an enabled check on every tick and a period of their own.
 *
 * <p>Registered once JFR is initialized (by a user's recording or the agent's own stream), never earlier: the
 * registration initializes JFR's metadata, which a JVM without a recording must not pay for. The watchdog polls
 * {@link #registerWhenJfrRuns()} at its ticks. A recording of the agent's own stream alone does not count
 * ({@link RecordingWatch}): then the hook returns at once.
 */
public final class LoopUtilizationEvents implements Runnable {
    /** The event's name in recordings. */
    public static final String NAME = LoopUtilizationEvent.NAME;
    private final LoopUtilization loops;
    private volatile boolean registered;
    private volatile boolean unavailable;

    public LoopUtilizationEvents(LoopUtilization loops) {
        this.loops = loops;
    }

    /**
     * Registers the periodic event once JFR runs; a cheap check until then. Never throws: without {@code jdk.jfr}
     * (a trimmed runtime image) it stops trying.
     */
    public void registerWhenJfrRuns() {
        if (registered || unavailable) {
            return;
        }
        try {
            if (FlightRecorder.isInitialized()) {
                FlightRecorder.addPeriodicEvent(LoopUtilizationEvent.class, this);
                registered = true;
            }
        } catch (Throwable e) { // LinkageError without jdk.jfr, SecurityException, JFR unable to start
            unavailable = true;
        }
    }

    /**
     * JFR's periodic thread, once per period while a recording has the event enabled. Synchronized: with a period of
     * {@code everyChunk} JFR also runs the hook on the thread that rotates a chunk.
     */
    @Override
    public synchronized void run() {
        try {
            if (!BlockingCallEvents.othersWant(NAME)) {
                loops.reset();
                return;
            }
            for (LoopUtilization.Period p : loops.next()) {
                LoopUtilizationEvent event = new LoopUtilizationEvent();
                event.loopThread = p.thread;
                event.period = p.periodNanos;
                event.busy = p.busyNanos;
                event.blocked = p.blockedNanos;
                event.stall = p.stallNanos;
                event.other = p.otherNanos();
                event.busyShare = p.busyShare();
                event.commit();
            }
        } catch (Throwable e) {
            // never hurt the application; JFR's thread goes on with the other events
        }
    }
}
