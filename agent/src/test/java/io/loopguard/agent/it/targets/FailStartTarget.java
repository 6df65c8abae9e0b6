package io.loopguard.agent.it.targets;

import io.loopguard.LoopGuard;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * Registers its main thread (which waits until the agent's start-up is over, failed or not: the JVM cannot exit in
 * the middle of it), blocks once, and leaves {@code main-ran}.
 */
public final class FailStartTarget {
    public static void main(String[] args) throws Exception {
        LoopGuard.register(Thread.currentThread());
        Thread.sleep(1);
        Files.writeString(Paths.get("main-ran"), "yes");
    }

    private FailStartTarget() {
    }
}
