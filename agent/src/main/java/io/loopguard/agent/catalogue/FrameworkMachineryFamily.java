package io.loopguard.agent.catalogue;

import java.util.List;

/**
 * Frameworks' own short internal waits on their loops, which their authors allow in their own BlockHound
 * integrations, read from the published jars: Netty's {@code io.netty.util.internal.Hidden$NettyBlockHoundIntegration}
 * (4.1.115 and 4.2.18) and Reactor's {@code reactor.core.scheduler.ReactorBlockHoundIntegration} (3.7.1), plus the
 * one lock of the same kind in Vert.x's task queue (Vert.x publishes no such list). Only the
 * machinery is here — task-queue and allocator locks, a timer waiting for its worker thread to start or end, a spin
 * on a contended reference-count release, schedulers disposing a task — never I/O: the I/O those lists allow (a TLS
 * handshake reading {@code /dev/urandom}, parsing {@code /etc/resolv.conf}) is recorded as allowed instead
 * ({@link FrameworkAllowances}), so it stays visible. Stack patterns only, nothing woven: several of these methods run
 * on every allocation or task submission, and a pattern costs nothing until a call inside actually blocks.
 */
final class FrameworkMachineryFamily extends AllowancesOnly {
    @Override
    public List<AllowDefault> allowDefaults() {
        return List.of(
                // Netty: task queues (a loop handing a task to another loop or to GlobalEventExecutor)
                AllowDefault.onStack("io.netty.util.concurrent.SingleThreadEventExecutor#addTask"),
                AllowDefault.onStack("io.netty.util.concurrent.SingleThreadEventExecutor#pollTaskFrom"), // 4.2
                AllowDefault.onStack("io.netty.util.concurrent.GlobalEventExecutor#addTask"),
                // Netty: HashedWheelTimer#start waits for its worker to start, #stop joins it (100 ms at most)
                AllowDefault.onStack("io.netty.util.HashedWheelTimer#start"),
                AllowDefault.onStack("io.netty.util.HashedWheelTimer#stop"),
                // Netty: the pooled allocator's short locks
                AllowDefault.onStack("io.netty.buffer.PoolArena#lock"),
                AllowDefault.onStack("io.netty.buffer.PoolSubpage#lock"),
                AllowDefault.onStack("io.netty.buffer.PoolChunk#allocateRun"),
                AllowDefault.onStack("io.netty.buffer.PoolChunk#free"),
                AllowDefault.onStack("io.netty.buffer.AdaptivePoolingAllocator$1#initialValue"), // 4.2
                AllowDefault.onStack("io.netty.buffer.AdaptivePoolingAllocator$1#onRemoval"),
                // Netty: Thread.yield while another thread releases the same reference count
                AllowDefault.onStack("io.netty.util.internal.ReferenceCountUpdater#retryRelease0"),
                // Vert.x: its ordered task queue's short lock. A loop handing work to a worker (executeBlocking,
                // the asynchronous file system) enters TaskQueue#execute, synchronized on the queue's task list, which
                // a worker holds for a moment while it polls: the same machinery as Netty's addTask. Vert.x 4.5
                // publishes no BlockHound list; seen as a 1-call monitor site in the demo's right-way file read.
                AllowDefault.onStack("io.vertx.core.impl.TaskQueue#execute"),
                // Reactor: its schedulers' queues and task disposal
                AllowDefault.onStack("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue#offer"),
                AllowDefault.onStack("java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue#take"),
                AllowDefault.onStack("reactor.core.scheduler.BoundedElasticScheduler$BoundedScheduledExecutorService#ensureQueueCapacity"),
                AllowDefault.onStack("reactor.core.scheduler.SchedulerTask#dispose"),
                AllowDefault.onStack("reactor.core.scheduler.WorkerTask#dispose"),
                // Reactor: a worker disposing its tasks' composite, synchronized against a task of that worker removing
                // itself from it (the WorkerTask#dispose above) on another loop. Not in Reactor's list because
                // BlockHound cannot see a contended monitor; seen here as a 1.3 ms monitor site between two parallel
                // loops when a loaded machine descheduled the holder.
                AllowDefault.onStack("reactor.core.scheduler.ExecutorServiceWorker#dispose"),
                AllowDefault.onStack("java.util.concurrent.ThreadPoolExecutor#processWorkerExit"),
                AllowDefault.onStack("java.util.concurrent.FutureTask#handlePossibleCancellationInterrupt"));
    }
}
