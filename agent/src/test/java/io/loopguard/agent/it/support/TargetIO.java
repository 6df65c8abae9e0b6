package io.loopguard.agent.it.support;

/**
 * What target programs use to talk to the test: facts as {@code [target] key=value} lines on stderr (never stdout:
 * tests assert that stdout stays empty). Print facts from an unregistered thread (a print on a registered thread is
 * itself a blocking file write).
 */
public final class TargetIO {
    private TargetIO() {
    }

    public static synchronized void fact(String key, Object value) {
        System.err.println(RunResult.FACT_PREFIX + key + "=" + value);
        System.err.flush();
    }

    /** Runs {@code body} on a new thread named {@code name}, registered first when {@code register}; waits for it. */
    public static Throwable runOn(String name, boolean register, ThrowingRunnable body) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            if (register) {
                io.loopguard.LoopGuard.register(Thread.currentThread());
            }
            try {
                body.run();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name);
        t.start();
        t.join(60_000);
        if (t.isAlive()) {
            return new AssertionError("scenario thread " + name + " still running after 60 s");
        }
        return failure[0];
    }

    /** A {@link Runnable} that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Sleeps without being on a registered thread (for helpers started by scenarios). */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
