package io.loopguard.agent.it.targets.classinit;

/** Needs {@link Linked} at an instruction that is not the method's first, a {@code new}, as application code does. */
public class Trigger implements Runnable {
    private int runs;

    @Override
    public void run() {
        runs++;
        new Linked().hashCode();
    }
}
