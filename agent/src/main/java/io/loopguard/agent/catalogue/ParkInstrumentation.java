package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.runtime.SiteFlags.SIGNALS_WAIT;

import io.loopguard.format.Category;

/**
 * {@code park}: {@code LockSupport.park*}. Nested under a lock, a future or a queue it only tells the outer call
 * that the thread really waited, so that call keeps its own category; alone it is a {@code park}.
 */
final class ParkInstrumentation {
    private ParkInstrumentation() {
    }

    static void declare(Catalogue c) {
        c.timed("java/util/concurrent/locks/LockSupport", Category.PARK, "java.util.concurrent.locks.LockSupport",
                SIGNALS_WAIT, NONE, "park", "parkNanos", "parkUntil");
    }
}
