package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** A small, deterministic workload for the data-file shape: a sleep called three times and one file read. */
public final class ShapeTarget {
    static Path file;

    public static void main(String[] args) throws Exception {
        file = Paths.get("shape.txt").toAbsolutePath();
        Files.writeString(file, "shape");
        fact("javaVersion", System.getProperty("java.version"));
        fact("file", file);
        fact("failure", TargetIO.runOn("shape-loop", true, () -> {
            for (int i = 0; i < 3; i++) {
                sleepThrice();
            }
            readFile();
        }));
    }

    static void sleepThrice() throws InterruptedException {
        Thread.sleep(20);
    }

    static void readFile() throws Exception {
        Files.readAllBytes(file);
    }

    private ShapeTarget() {
    }
}
