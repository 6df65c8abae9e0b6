package io.loopguard.agent.catalogue;

import java.util.List;

import io.loopguard.agent.weave.MethodRule.Kind;
import io.loopguard.format.Category;

/**
 * Event loops: auto-detection of Netty's — and so of Vert.x's, which are Netty {@code NioEventLoop}s — by the loop's
 * own {@code run()}, which only ever runs on the loop thread (only with {@code autodetect}). Netty's
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
    }

    /** Netty's own task-queue wait, shutdown back-off sleep and timer tick wait. */
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(
                AllowDefault.scope("io/netty/util/concurrent/SingleThreadEventExecutor", "takeTask", null),
                AllowDefault.scope("io/netty/util/concurrent/SingleThreadEventExecutor", "confirmShutdown", null),
                AllowDefault.scope("io/netty/util/concurrent/GlobalEventExecutor", "takeTask", null),
                AllowDefault.scope("io/netty/util/HashedWheelTimer$Worker", "waitForNextTick", null));
    }
}
