package io.loopguard.format;

/**
 * Waiting that an interrupt cannot cut short, for the agent's exit path and the report writers: the interrupt is
 * remembered and restored afterwards, never swallowed. JDK-only, no lambdas (it runs in the user's JVM at exit).
 */
public final class Uninterruptibly {
    private Uninterruptibly() {
    }

    /** Waits until {@code thread} has ended. */
    public static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
