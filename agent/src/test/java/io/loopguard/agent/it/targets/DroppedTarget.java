package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.TargetIO;

/** Three distinct call sites on a loop; run with {@code maxSites=1}, the API reports the dropped calls. */
public final class DroppedTarget {

    public static void main(String[] args) throws Exception {
        fact("failure", TargetIO.runOn("dropped-loop", true, () -> {
            first();
            second();
            third();
        }));
        fact("droppedCalls", LoopGuard.droppedCalls());
    }

    static void first() throws InterruptedException {
        Thread.sleep(1);
    }

    static void second() throws InterruptedException {
        Thread.sleep(1);
    }

    static void third() throws InterruptedException {
        Thread.sleep(1);
    }

    private DroppedTarget() {
    }
}
