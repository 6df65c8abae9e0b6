package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.THIS;

import io.loopguard.format.Category;

/** {@code process}: {@code Process.waitFor} (the Unix {@code java.lang.ProcessImpl}) and {@code ProcessBuilder.start}. */
final class ProcessInstrumentation {
    private ProcessInstrumentation() {
    }

    static void declare(Catalogue c) {
        c.timed("java/lang/ProcessImpl", Category.PROCESS, "java.lang.Process", 0, THIS, "waitFor");
        c.timedExact("java/lang/ProcessBuilder", "start", "()Ljava/lang/Process;", Category.PROCESS,
                "java.lang.ProcessBuilder.start", 0, THIS);
    }
}
