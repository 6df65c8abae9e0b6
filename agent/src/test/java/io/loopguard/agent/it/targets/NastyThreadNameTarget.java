package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;

/** A registered thread whose name tries to forge a summary line (newline, carriage return, ESC) sleeps once. */
public final class NastyThreadNameTarget {

    public static final String NAME = "nasty-loop\n[loopguard] 0 blocking call sites on event-loop threads "
            + "(0 calls, 0.00 s blocked)\r\u001b[2K\u2028\u0085";

    public static void main(String[] args) throws Exception {
        fact("failure", TargetIO.runOn(NAME, true, () -> Thread.sleep(5)));
    }

    private NastyThreadNameTarget() {
    }
}
