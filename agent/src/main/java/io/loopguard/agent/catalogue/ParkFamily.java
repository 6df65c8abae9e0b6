package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.runtime.SiteFlags.SIGNALS_WAIT;

import java.util.List;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * {@code park}: {@code LockSupport.park*}. Nested under a lock, a future or a queue it only tells the outer call
 * that the thread really waited, so that call keeps its own category; alone it is a {@code park}.
 */
final class ParkFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.PARK;
    }

    @Override
    public void declare(Rules rules) {
        rules.timed("java/util/concurrent/locks/LockSupport", "java.util.concurrent.locks.LockSupport",
                SIGNALS_WAIT, NONE, "park", "parkNanos", "parkUntil");
    }

    /** A park by {@code java.util.concurrent} itself, outside any woven lock or future: its own machinery. */
    @Override
    public boolean isMachinery(Site site, List<Frame> stack) {
        return JdkFrames.calledByConcurrencyMachinery(stack);
    }
}
