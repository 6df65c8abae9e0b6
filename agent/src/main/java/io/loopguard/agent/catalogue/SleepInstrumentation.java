package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.NONE;

import io.loopguard.format.Category;

/**
 * {@code sleep}: {@code Thread.sleep} (every overload), {@code TimeUnit.sleep}, {@code Thread.yield}.
 *
 * <p>JDK difference: on 17 {@code Thread.sleep(long)} and {@code Thread.yield()} are native; the weaver skips native
 * methods and the call-site rewrite ({@code NativeCallRewriter}) covers direct calls. On 19+ all are Java.
 */
final class SleepInstrumentation {
    private SleepInstrumentation() {
    }

    static void declare(Catalogue c) {
        c.timed("java/lang/Thread", Category.SLEEP, "java.lang.Thread", 0, NONE, "sleep", "yield");
        c.timed("java/util/concurrent/TimeUnit", Category.SLEEP, "java.util.concurrent.TimeUnit", 0, NONE, "sleep");
    }
}
