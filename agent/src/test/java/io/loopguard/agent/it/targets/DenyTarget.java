package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;

/**
 * BlockHound's {@code disallowBlockingCallsInside}, as loopguard's {@code deny}: run with
 * {@code allow=...DenyTarget$Outer#run} and {@code deny=...DenyTarget$Outer#callback}. {@code Outer.run} blocks itself
 * (allowed) and calls back into the application, whose sleep must be found again; a sleep in a plain handler is
 * found as always.
 */
public final class DenyTarget {

    /** A library method that may block and that calls back into code that must not. */
    public static final class Outer {
        static void run(Runnable callback) throws InterruptedException {
            Thread.sleep(20); // allowed: Outer#run
            callback(callback);
        }

        static void callback(Runnable callback) {
            callback.run(); // denied again inside Outer#run
        }
    }

    public static void main(String[] args) throws Exception {
        fact("failure", TargetIO.runOn("deny-loop", true, () -> {
            Outer.run(DenyTarget::sleepInCallback);
            plainSleep();
        }));
        fact("done", "true");
    }

    static void sleepInCallback() {
        TargetIO.pause(20);
    }

    static void plainSleep() throws InterruptedException {
        Thread.sleep(20);
    }

    private DenyTarget() {
    }
}
