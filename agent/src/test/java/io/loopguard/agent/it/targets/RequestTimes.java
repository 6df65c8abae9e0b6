package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;

/**
 * The client's wall time of the fast requests of a stall target, printed as facts: the first one (the cold server's
 * class loading and first interpretation) and the slowest, the margin the default stall limit has over them.
 */
final class RequestTimes {
    private long first = -1;
    private long slowest;

    void time(TargetIO.ThrowingRunnable request) throws Exception {
        long start = System.nanoTime();
        request.run();
        long took = System.nanoTime() - start;
        if (first < 0) {
            first = took;
        }
        slowest = Math.max(slowest, took);
    }

    void print() {
        fact("firstRequestMicros", first / 1000);
        fact("slowestRequestMicros", slowest / 1000);
    }
}
