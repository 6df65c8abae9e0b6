package io.loopguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A marker the agent commits and then waits to see in its own stream: JFR delivers events in flushes, about once a
 * second, and a flush carries every event committed before it. Seeing the marker therefore means every monitor or
 * pinning event that ended before it was committed has been recorded (the JUnit extension's per-test verdict, the
 * final data file). Not stack-traced, and enabled only in the agent's own stream.
 */
@Name(CatchUpMarker.NAME)
@Label("loopguard catch-up marker")
@Category("loopguard")
@Description("Internal: the loopguard agent waits for this event to know its JFR stream has caught up.")
@StackTrace(false)
final class CatchUpMarker extends jdk.jfr.Event {
    static final String NAME = "io.loopguard.internal.CatchUp";

    @Label("Sequence")
    long sequence;
}
