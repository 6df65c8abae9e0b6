package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Real Netty 4.1 beyond its event loops. On a {@code NioEventLoop}: a {@code HashedWheelTimer} started (it waits for
 * its worker thread), used and stopped (it joins the worker), tasks handed to {@code GlobalEventExecutor} and to a
 * {@code DefaultEventExecutorGroup}. On {@code GlobalEventExecutor}'s thread: the planted sleep (the positive control)
 * and then its own idle waits until it ends. On the {@code DefaultEventExecutorGroup} (where Netty tells users to run
 * blocking handlers) and on a pool of Netty's {@code DefaultThreadFactory}: the same sleep, which is not on a loop.
 */
public final class NettyExecutorsTarget {

    public static void main(String[] args) throws Exception {
        NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("lg-loop"));
        DefaultEventExecutorGroup blocking = new DefaultEventExecutorGroup(1, new DefaultThreadFactory("lg-blocking"));
        EventLoop loop = group.next();
        CountDownLatch done = new CountDownLatch(3);
        AtomicReference<HashedWheelTimer> first = new AtomicReference<>();
        loop.submit(() -> {
            HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("lg-timer"), 10,
                    TimeUnit.MILLISECONDS);
            first.set(timer);
            timer.start();
            Timeout timeout = timer.newTimeout(t -> done.countDown(), 20, TimeUnit.MILLISECONDS);
            fact("timeoutScheduled", String.valueOf(!timeout.isCancelled()));
            GlobalEventExecutor.INSTANCE.execute(() -> {
                plantedSleep();
                fact("globalThread", Thread.currentThread().getName());
                done.countDown();
            });
            blocking.execute(() -> {
                offloadedSleep();
                done.countDown();
            });
        }).sync();
        if (!done.await(60, TimeUnit.SECONDS)) {
            fact("done", "timeout");
            return;
        }
        loop.submit(() -> {
            HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("lg-timer2"));
            timer.start();
            fact("timerStopped", String.valueOf(timer.stop().isEmpty() && first.get().stop().isEmpty()));
        }).sync();
        Thread pool = new DefaultThreadFactory("lg-pool").newThread(NettyExecutorsTarget::offloadedSleep);
        pool.start();
        pool.join();
        // GlobalEventExecutor's thread ends after a quiet second: its own waits until then are not blocking calls
        GlobalEventExecutor.INSTANCE.awaitInactivity(30, TimeUnit.SECONDS);
        blocking.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        fact("done", "true");
    }

    static void plantedSleep() {
        sleep(30);
    }

    static void offloadedSleep() {
        sleep(30);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NettyExecutorsTarget() {
    }
}
