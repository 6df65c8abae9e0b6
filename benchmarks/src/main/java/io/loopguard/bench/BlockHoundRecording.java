package io.loopguard.bench;

import java.util.concurrent.atomic.AtomicLong;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingMethod;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Makes BlockHound comparable to loopguard's default {@code mode=record}: a blocking call is counted instead of
 * thrown, and threads named {@code bench-loop*} or {@code vert.x-eventloop-thread-*} are non-blocking (the threads
 * loopguard registers in the same benchmarks). Found by
 * BlockHound's {@code ServiceLoader} when its {@code -javaagent} premain runs with this jar on the class path.
 */
public final class BlockHoundRecording implements BlockHoundIntegration {
    public static final AtomicLong CALLS = new AtomicLong();

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.blockingMethodCallback(new java.util.function.Consumer<BlockingMethod>() {
            @Override
            public void accept(BlockingMethod method) {
                CALLS.incrementAndGet();
            }
        });
        builder.nonBlockingThreadPredicate(new java.util.function.Function<java.util.function.Predicate<Thread>,
                java.util.function.Predicate<Thread>>() {
            @Override
            public java.util.function.Predicate<Thread> apply(java.util.function.Predicate<Thread> current) {
                return current.or(new java.util.function.Predicate<Thread>() {
                    @Override
                    public boolean test(Thread thread) {
                        return thread.getName().startsWith("bench-loop") || thread.getName().startsWith("vert.x-eventloop-thread-");
                    }
                });
            }
        });
    }

    /** Applied after BlockHound's own integrations, so this callback is the one that stays. */
    @Override
    public int getPriority() {
        return Integer.MAX_VALUE;
    }
}
