package io.loopguard.agent.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * How one event-loop thread spent one period: a periodic event, one per registered thread and period. The names are
 * a contract (documented in the README beside {@code io.loopguard.BlockingCall}), only ever extended.
 *
 * <p>Enabled with a period of one second by default, so {@code -XX:StartFlightRecording} with default settings records
 * it; a {@code .jfc} (or {@code jcmd JFR.start settings=...}) sets {@code period} like for the JDK's own periodic
 * events, which only works for an event registered with {@code FlightRecorder.addPeriodicEvent}
 * ({@link LoopUtilizationEvents}). No stack: it would be JFR's periodic thread's.
 */
@Name(LoopUtilizationEvent.NAME)
@Label("Event-Loop Utilization")
@Category({"loopguard"})
@Description("How busy one event-loop thread was over the last period, and in what: recorded blocking calls, stalls,"
        + " other work; by the loopguard agent")
@Enabled(true)
@Period("1 s")
@StackTrace(false)
final class LoopUtilizationEvent extends jdk.jfr.Event {
    static final String NAME = "io.loopguard.LoopUtilization";

    @Label("Event-Loop Thread")
    @Description("Name of the registered event-loop thread")
    String loopThread;

    @Label("Period")
    @Description("The time this event covers: since the thread's previous event, or since it registered")
    @Timespan(Timespan.NANOSECONDS)
    long period;

    @Label("Busy")
    @Description("Time of the period the loop was busy, i.e. not in its own idle wait (selector, task queue)")
    @Timespan(Timespan.NANOSECONDS)
    long busy;

    @Label("Blocked")
    @Description("Recorded blocking calls (every category but stall) that ended in the period, whole durations")
    @Timespan(Timespan.NANOSECONDS)
    long blocked;

    @Label("Stall")
    @Description("Stalls that ended in the period, whole durations")
    @Timespan(Timespan.NANOSECONDS)
    long stall;

    @Label("Other")
    @Description("Busy time neither blocked nor stalled: the loop's own work (busy - blocked - stall, at least 0)")
    @Timespan(Timespan.NANOSECONDS)
    long other;

    @Label("Busy Share")
    @Description("busy / period")
    @Percentage
    double busyShare;
}
