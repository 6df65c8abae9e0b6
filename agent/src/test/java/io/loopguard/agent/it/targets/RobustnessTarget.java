package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.TargetIO;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Three short-lived loops registered through the API that have ended when the data file is written; with an
 * argument {@code many}, registers 1,005 more threads one after the other; with another argument, waits (at most 20 s) until that file is gone: the agent deletes a stale temporary of a dead writer.
 */
public final class RobustnessTarget {

    public static void main(String[] args) throws Exception {
        fact("isActive", LoopGuard.isActive());
        for (int i = 0; i < 3; i++) {
            fact("loop." + i + ".failure", TargetIO.runOn("ended-loop-" + i, true, RobustnessTarget::endedLoopSleep));
        }
        if (args.length > 0 && args[0].equals("many")) {
            for (int i = 0; i < 1005; i++) {
                TargetIO.runOn("many-" + i, true, () -> { });
            }
        } else if (args.length > 0) {
            Path stale = Path.of(args[0]);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (Files.exists(stale) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            fact("staleGone", !Files.exists(stale));
        }
    }

    static void endedLoopSleep() throws InterruptedException {
        Thread.sleep(5);
    }

    private RobustnessTarget() {
    }
}
