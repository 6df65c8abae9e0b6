package io.loopguard.agent.jfr;

import java.util.ArrayList;
import java.util.List;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * A JFR stack as the recorder's frames: visible Java frames only, the frame that blocked first, as woven calls see
 * their stacks. JFR knows no source file names, so those frames have none.
 */
final class JfrFrames {
    private static final StackTraceElement[] NONE = new StackTraceElement[0];

    private JfrFrames() {
    }

    static StackTraceElement[] of(RecordedStackTrace trace) {
        if (trace == null) {
            return NONE;
        }
        List<StackTraceElement> out = new ArrayList<>();
        for (RecordedFrame frame : trace.getFrames()) {
            RecordedMethod method = frame.getMethod();
            // Hidden frames (lambda forms, a lambda's hidden class named with an address) are left out, as
            // Throwable.getStackTrace() leaves them out: they would make call-site ids differ between runs.
            if (!frame.isJavaFrame() || method == null || method.getType() == null || method.isHidden()) {
                continue;
            }
            out.add(new StackTraceElement(method.getType().getName(), method.getName(), null, frame.getLineNumber()));
        }
        return out.toArray(NONE);
    }

    /**
     * The agent's own packages in the user's JVM (the application's code may live in any other package, including
     * {@code io.loopguard.} ones of its own). A monitor the agent's recording contends on (a site table's lock, a
     * {@code ConcurrentHashMap} bin) is the agent's machinery, never the application's blocking.
     */
    private static final String[] AGENT_PACKAGES = {"java.lang.$LoopGuard", "io.loopguard.agent.record.",
        "io.loopguard.agent.catalogue.", "io.loopguard.agent.install.", "io.loopguard.agent.weave.",
        "io.loopguard.agent.output.", "io.loopguard.agent.jfr.", "io.loopguard.agent.events.", "io.loopguard.shaded."};

    static boolean hasAgentFrame(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            String name = frame.getClassName();
            for (String agentPackage : AGENT_PACKAGES) {
                if (name.startsWith(agentPackage)) {
                    return true;
                }
            }
        }
        return false;
    }
}
