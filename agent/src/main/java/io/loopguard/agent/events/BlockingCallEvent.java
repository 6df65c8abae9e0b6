package io.loopguard.agent.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * One blocking call on an event-loop thread, as the agent recorded it. The names below are a contract (the
 * {@code report} command reads recordings by them): documented in the README, only ever extended.
 *
 * <p>Enabled with no threshold by default, so {@code -XX:StartFlightRecording} with its default settings records it
 * (the agent's own {@code threshold} has already been applied). The event's duration is the call's: the recorder sets
 * the start and duration from the call's own {@code System.nanoTime()} figures ({@link BlockingCallEvents}).
 *
 * <p>Why the stack is a text field and JFR's own stack trace is off: JFR walks the stack of the thread that commits,
 * and for a woven call that stack starts with the agent's recorder and runtime frames (JFR cannot skip them on JDK 17),
 * while a monitor or pinning event is committed on the agent's JFR thread, whose stack says nothing about the call. The
 * {@code stack} field is the call site's own stack, exactly as the data file has it (no agent frames), which also lets
 * a report computed from a recording give the data file's call-site ids.
 */
@Name(BlockingCallEvent.NAME)
@Label("Blocking Call on Event Loop")
@Category({"loopguard"})
@Description("A blocking call on an event-loop thread, recorded by the loopguard agent")
@Enabled(true)
@Threshold("0 ms")
@StackTrace(false)
final class BlockingCallEvent extends jdk.jfr.Event {
    static final String NAME = "io.loopguard.BlockingCall";

    @Label("Category")
    @Description("jdbc, socket, file, dns, sleep, lock, future, monitor, pinning... as in the data file")
    String category;

    @Label("Blocking Method")
    @Description("The public API the application called, e.g. java.sql.Statement.executeQuery")
    String blockingMethod;

    @Label("Detail")
    @Description("File path, host:port, host name or masked SQL of the call site; null when unknown")
    String detail;

    @Label("Event-Loop Thread")
    @Description("Name of the event-loop thread that blocked")
    String loopThread;

    @Label("Call Site")
    @Description("The call site's id, as in the data file and the reports")
    String callSite;

    /**
     * A handle on one of the fields JFR adds to every event class ({@code startTime}, {@code duration}, both in JFR's
     * ticks), or null when this JVM's JFR has none by that name. Looked up from here because only this class's own
     * lookup may reach its private fields.
     */
    static VarHandle timingField(String name) {
        try {
            return MethodHandles.lookup().findVarHandle(BlockingCallEvent.class, name, long.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Label("Stack")
    @Description("The call's stack without the agent's frames, one frame a line: class.method(file:line)")
    String stack;
}
