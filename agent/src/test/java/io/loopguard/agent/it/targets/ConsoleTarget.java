package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Console output on a registered loop thread (println, printStackTrace), and a PrintStream onto a file. */
public final class ConsoleTarget {

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("loopguard-console", ".log");
        Throwable failure = TargetIO.runOn("console-loop", true, () -> {
            printsToStdout();
            printsToStderr();
            printsAStackTrace();
            printsToAFile(file);
        });
        fact("failure", failure);
        Files.deleteIfExists(file);
    }

    static void printsToStdout() {
        System.out.println("hello from the event loop");
    }

    static void printsToStderr() {
        System.err.println("warning from the event loop");
    }

    static void printsAStackTrace() {
        new IllegalStateException("logged on the loop").printStackTrace();
    }

    static void printsToAFile(Path file) throws Exception {
        try (PrintStream out = new PrintStream(new FileOutputStream(file.toFile()), true)) {
            out.println("a file, not the console");
        }
    }

    private ConsoleTarget() {
    }
}
