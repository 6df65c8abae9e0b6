package io.loopguard.agent.catalogue;

import io.loopguard.agent.weave.MethodRule.Kind;
import io.loopguard.format.Category;

/**
 * Thread start and rename: where name globs ({@code threads}) and framework thread types (Reactor's
 * {@code NonBlocking}) are matched, once per thread instead of on every blocking call. Records nothing itself.
 */
final class ThreadLifecycleFamily implements BlockingFamily {
    @Override
    public Category category() {
        return null;
    }

    @Override
    public void declare(Rules rules) {
        // JDK difference: from 21, executors start threads through the package-private start(ThreadContainer),
        // not start(); every overload is hooked (the watcher is idempotent when start() calls the other).
        rules.hook("java/lang/Thread", "start", null, Kind.THREAD_STARTING);
        rules.hook("java/lang/Thread", "setName", "(Ljava/lang/String;)V", Kind.THREAD_RENAMED);
    }
}
