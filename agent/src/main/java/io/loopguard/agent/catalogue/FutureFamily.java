package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.CONDITIONAL;

import java.util.List;
import java.util.concurrent.Future;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * {@code future}: {@code Future.get} and {@code join}, counted only when the thread really parked; and the executor
 * calls that wait for other tasks ({@code invokeAll}, {@code invokeAny}, {@code awaitTermination}, {@code close}),
 * which would otherwise be hidden as JDK-internal waits.
 */
final class FutureFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.FUTURE;
    }

    @Override
    public void declare(Rules rules) {
        rules.timed("java/util/concurrent/FutureTask", "java.util.concurrent.FutureTask", CONDITIONAL, THIS, "get");
        rules.timed("java/util/concurrent/CompletableFuture", "java.util.concurrent.CompletableFuture",
                CONDITIONAL, THIS, "get", "join");
        rules.timed("java/util/concurrent/ForkJoinTask", "java.util.concurrent.ForkJoinTask", CONDITIONAL, THIS, "get", "join");
        rules.timed("java/util/concurrent/AbstractExecutorService", "java.util.concurrent.ExecutorService",
                CONDITIONAL, THIS, "invokeAll", "invokeAny");
        for (String executor : new String[] {"ThreadPoolExecutor", "ForkJoinPool"}) {
            rules.timed("java/util/concurrent/" + executor, "java.util.concurrent.ExecutorService",
                    CONDITIONAL, THIS, "awaitTermination");
        }
    }

    /** An executor worker waiting for its next task is the loop's idle wait (Reactor's schedulers are executors). */
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(AllowDefault.idleWait("java/util/concurrent/ThreadPoolExecutor", "getTask", "()Ljava/lang/Runnable;"));
    }

    /** An unfinished future would block; an executor's own waits are let through (recorded if they wait). */
    @Override
    public boolean wouldBlock(Site site, Object target) {
        return target instanceof Future && !((Future<?>) target).isDone();
    }

    /** A future waited for by {@code java.util.concurrent} itself (an executor's bookkeeping). */
    @Override
    public boolean isMachinery(Site site, List<Frame> stack) {
        return JdkFrames.calledByConcurrencyMachinery(stack);
    }
}
