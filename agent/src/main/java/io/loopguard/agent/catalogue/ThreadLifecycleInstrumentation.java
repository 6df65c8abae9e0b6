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
        c.hook("java/lang/Thread", "start", "()V", Kind.THREAD_STARTING);
        c.hook("java/lang/Thread", "setName", "(Ljava/lang/String;)V", Kind.THREAD_RENAMED);
    }
}
