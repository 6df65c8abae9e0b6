package io.loopguard.agent.catalogue;

/**
 * Built-in allowed scopes: the JVM's and the frameworks' own machinery, which is never a blocking call of the
 * application. Each is woven as a scope that only raises the call depth, so nothing inside it is recorded and no
 * stack is walked. Frame-pattern defaults (matched at record time) are in {@code AllowList}.
 */
final class AllowedScopes {
    private AllowedScopes() {
    }

    static void declare(Catalogue c) {
        // Class loading reads jar files (2 file calls per class otherwise, instrumentation.md pitfall 5).
        c.scope("java/lang/ClassLoader", "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;");
        c.scope("jdk/internal/loader/BuiltinClassLoader", "loadClassOrNull", "(Ljava/lang/String;Z)Ljava/lang/Class;");
        // An executor worker waiting for its next task is the loop's idle wait (Reactor's schedulers are executors).
        c.scope("java/util/concurrent/ThreadPoolExecutor", "getTask", "()Ljava/lang/Runnable;");
        // Netty's own task-queue wait, shutdown back-off sleep and timer tick wait.
        c.scope("io/netty/util/concurrent/SingleThreadEventExecutor", "takeTask", null);
        c.scope("io/netty/util/concurrent/SingleThreadEventExecutor", "confirmShutdown", null);
        c.scope("io/netty/util/concurrent/GlobalEventExecutor", "takeTask", null);
        c.scope("io/netty/util/HashedWheelTimer$Worker", "waitForNextTick", null);
    }
}
