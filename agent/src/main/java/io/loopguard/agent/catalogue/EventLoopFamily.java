package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.agent.weave.MethodRule.Kind;
import io.loopguard.format.Category;

/**
 * Event loops: auto-detection of Netty's — and so of Vert.x's, which are Netty {@code NioEventLoop}s — by the loop's
 * own {@code run()}, which only ever runs on the loop thread (only with {@code autodetect}). The thread that runs it
 * is registered whatever its class: Netty 4.2 loops ({@code MultiThreadIoEventLoopGroup}) given
 * {@code Thread.ofVirtual().factory()} run on virtual threads, which a check by thread type would miss. So is the
 * thread of Netty's {@code GlobalEventExecutor}. Netty's own marker, {@code FastThreadLocalThread.permitBlockingCalls()}
 * returning false, is not used: it is false on every {@code FastThreadLocalThread}, also on Vert.x's worker threads,
 * on {@code DefaultEventExecutorGroup}'s and on any pool made by Netty's {@code DefaultThreadFactory}, which are
 * where blocking work is sent; loopguard registers a Netty thread by what it runs instead. Netty's
 * {@code DefaultEventExecutor} (the executor users hand blocking handlers to) and Vert.x's worker pools never run
 * these methods, so they are never registered. Reactor's non-blocking schedulers are recognised by thread type at
 * start ({@code ThreadWatcher}). The loops' own idle waits are allowed defaults (woven whatever {@code autodetect}
 * says: a loop registered by name or by API waits the same way).
 */
final class EventLoopFamily implements BlockingFamily {
    @Override
    public Category category() {
        return null;
    }

    @Override
    public void declare(Rules rules) {
        if (!rules.autodetect()) {
            return;
        }
        for (String loop : new String[] {
                "io/netty/channel/nio/NioEventLoop",
                "io/netty/channel/epoll/EpollEventLoop",
                "io/netty/channel/kqueue/KQueueEventLoop",
                "io/netty/channel/DefaultEventLoop",
                "io/netty/channel/SingleThreadIoEventLoop"}) { // Netty 4.2
            rules.hook(loop, "run", "()V", Kind.LOOP_STARTED);
        }
        // Netty's GlobalEventExecutor: one thread at a time (started on demand, ended after a quiet second) runs its
        // tasks, which BlockHound's Netty integration checks as a non-blocking thread. Its runner's run() is where
        // that thread starts; its idle wait (takeTask) is an allowed default below.
        rules.hook("io/netty/util/concurrent/GlobalEventExecutor$TaskRunner", "run", "()V", Kind.LOOP_STARTED);
        // Netty 4.2's ManualIoEventLoop has no thread of its own: the application drives it from a thread it owns (a
        // virtual thread, say) by calling run/runNow, which all pass through this private run after checking that the
        // caller is the owning thread. Each turn registers that thread (once: later turns find it registered).
        rules.hook("io/netty/channel/ManualIoEventLoop", "run", "(Lio/netty/channel/IoHandlerContext;J)I",
                Kind.LOOP_STARTED);
    }

    /**
     * Netty's own task-queue wait, shutdown back-off sleep and timer tick wait; and the loops' idle waits that bracket
     * their busy time: every NIO selector's {@code select}/{@code selectNow} (one private JDK method, whatever the
     * Netty or Vert.x version calls it), the native transports' waits (by name: their descriptors differ between
     * Netty versions, and a name that does not exist weaves nothing).
     */
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(
                AllowDefault.idleWait("sun/nio/ch/SelectorImpl", "lockAndDoSelect", null),
                AllowDefault.idleWait("io/netty/util/concurrent/SingleThreadEventExecutor", "takeTask", null),
                AllowDefault.scope("io/netty/util/concurrent/SingleThreadEventExecutor", "confirmShutdown", null),
                AllowDefault.scope("io/netty/channel/ManualIoEventLoop", "confirmShutdown", null), // Netty 4.2
                AllowDefault.idleWait("io/netty/util/concurrent/GlobalEventExecutor", "takeTask", null),
                AllowDefault.idleWait("io/netty/util/HashedWheelTimer$Worker", "waitForNextTick", null),
                AllowDefault.idleWait("io/netty/channel/epoll/EpollEventLoop", "epollWait", null),
                AllowDefault.idleWait("io/netty/channel/epoll/EpollEventLoop", "epollWaitNoTimerChange", null),
                AllowDefault.idleWait("io/netty/channel/epoll/EpollIoHandler", "epollWait", null), // Netty 4.2
                AllowDefault.idleWait("io/netty/channel/epoll/EpollIoHandler", "epollWaitNoTimerChange", null),
                AllowDefault.idleWait("io/netty/channel/kqueue/KQueueEventLoop", "kqueueWait", null),
                AllowDefault.idleWait("io/netty/channel/kqueue/KQueueIoHandler", "kqueueWait", null));
    }
}
