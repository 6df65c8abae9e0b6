package io.loopguard.agent.it.targets;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.ScenarioRunner;

/**
 * {@link MonitorTarget}'s scenarios for a JVM with a user's flight recording: before exiting it asks for the recorded
 * call sites, which waits until the agent's JFR stream has delivered the monitor events (about a second late) and so
 * until their {@code io.loopguard.BlockingCall} events are handed to the agent's relay thread, then gives it a second.
 * Exiting at once would race JFR's own shutdown hook, which ends the user's recording while the agent's hook is
 * still catching up (a production JVM runs on; late events only matter at exit).
 */
public final class MonitorRecordingTarget {

    public static void main(String[] args) throws Exception {
        MonitorTarget.warmUp();
        ScenarioRunner.runAll(MonitorTarget.class, args);
        LoopGuard.recordedCallSites();
        Thread.sleep(1000); // the agent's relay thread commits them within microseconds; a generous margin
        System.exit(0);
    }

    private MonitorRecordingTarget() {
    }
}
