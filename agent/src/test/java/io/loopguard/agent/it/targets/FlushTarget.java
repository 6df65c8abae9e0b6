package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;

/** Sleeps 20 ms at a time on a registered thread until it is killed. */
public final class FlushTarget {

    public static void main(String[] args) throws Exception {
        Thread loop = new Thread(() -> {
            LoopGuard.register(Thread.currentThread());
            while (true) {
                tickSleep();
            }
        }, "tick-loop");
        loop.setDaemon(true);
        loop.start();
        Thread.sleep(100);
        fact("started", "true");
        Thread.sleep(120_000);
    }

    static void tickSleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FlushTarget() {
    }
}
