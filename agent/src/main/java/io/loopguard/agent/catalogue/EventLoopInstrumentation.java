package io.loopguard.agent.catalogue;

import io.loopguard.agent.weave.MethodRule.Kind;

/**
 * Auto-detection of Netty event loops — and so of Vert.x's, which are Netty {@code NioEventLoop}s — by the loop's own
 * {@code run()}, which only ever runs on the loop thread. Netty's {@code DefaultEventExecutor} (the executor users
 * hand blocking handlers to) and Vert.x's worker pools never run these methods, so they are never registered.
 * Reactor's non-blocking schedulers are recognised by thread type at start ({@code ThreadWatcher}).
 */
final class EventLoopInstrumentation {
    private EventLoopInstrumentation() {
    }

    static void declare(Catalogue c) {
        for (String loop : new String[] {
                "io/netty/channel/nio/NioEventLoop",
                "io/netty/channel/epoll/EpollEventLoop",
                "io/netty/channel/kqueue/KQueueEventLoop",
                "io/netty/channel/DefaultEventLoop",
                "io/netty/channel/SingleThreadIoEventLoop"}) { // Netty 4.2
            c.hook(loop, "run", "()V", Kind.LOOP_STARTED);
        }
    }
}
