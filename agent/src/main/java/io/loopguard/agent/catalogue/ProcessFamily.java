package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.THIS;

import io.loopguard.format.Category;

/** {@code process}: {@code Process.waitFor} (the Unix {@code java.lang.ProcessImpl}) and {@code ProcessBuilder.start}. */
final class ProcessFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.PROCESS;
    }

    @Override
    public void declare(Rules rules) {
        rules.timed("java/lang/ProcessImpl", "java.lang.Process", 0, THIS, "waitFor");
        rules.timedExact("java/lang/ProcessBuilder", "start", "()Ljava/lang/Process;",
                "java.lang.ProcessBuilder.start", 0, THIS);
    }

    /** The command line. */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        if (context instanceof ProcessBuilder) {
            return String.join(" ", ((ProcessBuilder) context).command());
        }
        if (context instanceof Process) {
            Process process = (Process) context;
            return process.info().commandLine().orElse("pid " + process.pid());
        }
        return null;
    }
}
