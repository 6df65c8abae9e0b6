package io.loopguard.agent.catalogue;

import io.loopguard.agent.weave.MethodRule.Kind;

/**
 * Thread start and rename: where name globs ({@code threads}) and framework thread types (Reactor's
 * {@code NonBlocking}) are matched, once per thread instead of on every blocking call.
 */
final class ThreadLifecycleInstrumentation {
    private ThreadLifecycleInstrumentation() {
    }

    static void declare(Catalogue c) {
        // JDK difference: from 21, executors start threads through the package-private start(ThreadContainer),
        // not start(); every overload is hooked (the watcher is idempotent when start() calls the other).
        c.hook("java/lang/Thread", "start", null, Kind.THREAD_STARTING);
        c.hook("java/lang/Thread", "setName", "(Ljava/lang/String;)V", Kind.THREAD_RENAMED);
    }
}
