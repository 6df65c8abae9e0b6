package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.TargetIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Repeated call sites that share what a cheap key would confuse: one {@code Files.exists} call instruction ({@link
 * #check}) reached from two callers (two stacks, so two call sites), a third {@code Files.exists} at its own line, and
 * a {@code Files.size} between them, interleaved call by call on a registered thread; a full GC halfway (it clears
 * what the recorder only holds weakly) and a second registered thread for the second half.
 */
public final class RepeatedSitesTarget {
    public static final int CALLS = 3000;
    static Path file;

    public static void main(String[] args) throws Exception {
        file = Paths.get("repeated.txt").toAbsolutePath();
        Files.writeString(file, "repeated");
        fact("failure", half("repeat-loop-1", 0, CALLS / 2));
        System.gc();
        fact("failure2", half("repeat-loop-2", CALLS / 2, CALLS));
    }

    /** One lambda for both halves: the second thread's stacks are the first's. */
    static Throwable half(String thread, int from, int to) throws InterruptedException {
        return TargetIO.runOn(thread, true, () -> rounds(from, to));
    }

    static void rounds(int from, int to) {
        for (int i = from; i < to; i++) {
            viaA();
            if (i % 3 == 0) {
                viaB();
            }
            if (i % 2 == 0) {
                sizeD();
            }
            if (i % 7 == 0) {
                directC();
            }
        }
    }

    static void viaA() {
        check();
    }

    static void viaB() {
        check();
    }

    static void check() {
        Files.exists(file);
    }

    static void directC() {
        Files.exists(file);
    }

    static void sizeD() {
        try {
            Files.size(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RepeatedSitesTarget() {
    }
}
