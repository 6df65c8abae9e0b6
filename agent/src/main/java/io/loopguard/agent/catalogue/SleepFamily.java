package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.NONE;

import java.util.List;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.runtime.SiteFlags;

/**
 * {@code sleep}: {@code Thread.sleep} (every overload), {@code TimeUnit.sleep}, {@code Thread.yield}.
 *
 * <p>JDK difference: on 17 {@code Thread.sleep(long)} and {@code Thread.yield()} are native; the weaver skips native
 * methods and the call-site rewrite ({@code NativeCalls}) covers direct calls, reported under the fixed sites below.
 * On 19+ all are Java.
 */
final class SleepFamily implements BlockingFamily {
    private static final String YIELD = "java.lang.Thread.yield";

    @Override
    public Category category() {
        return Category.SLEEP;
    }

    @Override
    public void declare(Rules rules) {
        rules.timed("java/lang/Thread", "java.lang.Thread", 0, NONE, "sleep", "yield");
        rules.timed("java/util/concurrent/TimeUnit", "java.util.concurrent.TimeUnit", 0, NONE, "sleep");
        rules.rewrittenNative(SiteFlags.NATIVE_SLEEP, "java.lang.Thread.sleep", "Thread.java");
        rules.rewrittenNative(SiteFlags.NATIVE_YIELD, YIELD, "Thread.java");
    }

    /** {@code ConcurrentHashMap.initTable} spins with {@code Thread.yield} while another thread initialises the table. */
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(AllowDefault.onStack("java.util.concurrent.ConcurrentHashMap#initTable"));
    }

    /**
     * A {@code Thread.yield} called by {@code java.util.concurrent} is a spin-wait inside JDK machinery, like the
     * concurrency families' internal locks (e.g. {@code FutureTask}'s cancel-interrupt spin on JDK 25).
     */
    @Override
    public boolean isMachinery(Site site, List<Frame> stack) {
        return site.blockingMethod().equals(YIELD) && JdkFrames.calledByConcurrencyMachinery(stack);
    }
}
