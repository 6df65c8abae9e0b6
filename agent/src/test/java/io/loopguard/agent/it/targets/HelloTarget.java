package io.loopguard.agent.it.targets;

import java.nio.file.Files;
import java.nio.file.Paths;

/** Leaves {@code main-ran} in the working directory: option errors must stop the JVM before this runs. */
public final class HelloTarget {
    public static void main(String[] args) throws Exception {
        Files.writeString(Paths.get("main-ran"), "yes");
    }

    private HelloTarget() {
    }
}
