package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.CONDITIONAL;

import io.loopguard.format.Category;

/**
 * {@code future}: {@code Future.get} and {@code join}, counted only when the thread really parked; and the executor
 * calls that wait for other tasks ({@code invokeAll}, {@code invokeAny}, {@code awaitTermination}, {@code close}),
 * which would otherwise be hidden as JDK-internal waits.
 */
final class FutureInstrumentation {
    private FutureInstrumentation() {
    }

    static void declare(Catalogue c) {
        c.timed("java/util/concurrent/FutureTask", Category.FUTURE, "java.util.concurrent.FutureTask", CONDITIONAL, THIS, "get");
        c.timed("java/util/concurrent/CompletableFuture", Category.FUTURE, "java.util.concurrent.CompletableFuture",
                CONDITIONAL, THIS, "get", "join");
        c.timed("java/util/concurrent/ForkJoinTask", Category.FUTURE, "java.util.concurrent.ForkJoinTask", CONDITIONAL, THIS, "get", "join");
        c.timed("java/util/concurrent/AbstractExecutorService", Category.FUTURE, "java.util.concurrent.ExecutorService",
                CONDITIONAL, THIS, "invokeAll", "invokeAny");
        for (String executor : new String[] {"ThreadPoolExecutor", "ForkJoinPool"}) {
            c.timed("java/util/concurrent/" + executor, Category.FUTURE, "java.util.concurrent.ExecutorService",
                    CONDITIONAL, THIS, "awaitTermination");
        }
    }
}
