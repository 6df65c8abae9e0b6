package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;

/**
 * Registers a loop and exits after the milliseconds given as its argument: the JVM's exit then falls inside the half
 * second the agent's JFR stream takes to start (it starts at the first registration), the window in which a late JFR
 * start used to print HotSpot's {@code [warning][jfr,system]} line on stdout.
 */
public final class QuickExitTarget {
    public static void main(String[] args) throws Exception {
        long delayMillis = Long.parseLong(args[0]);
        fact("failure", TargetIO.runOn("quick-loop", true, () -> Thread.sleep(delayMillis)));
    }

    private QuickExitTarget() {
    }
}
