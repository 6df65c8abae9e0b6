package io.loopguard.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.loopguard.LoopGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What an event loop pays per woven call that records nothing, run with {@code profile=production} (1 ms threshold)
 * so that none is recorded: an uncontended lock (a loop takes several per request: pgjdbc's connection lock, a
 * {@code LinkedBlockingQueue} handing work to a worker, a channel's write lock) and a park that returns at once (a
 * call that may block, timed, well under the threshold). {@code registered=false} is the same code on an ordinary
 * thread in the same JVM, so the difference is the loop's bookkeeping: the registry probe at entry and exit, the call
 * depth, and for the park two clock reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopCallBenchmark {
    @Param({"true", "false"})
    public boolean registered;

    private final ReentrantLock lock = new ReentrantLock();

    @Setup
    public void register() {
        if (registered) {
            LoopGuard.register(Thread.currentThread());
        }
    }

    @TearDown
    public void unregister() {
        if (registered) {
            LoopGuard.unregister(Thread.currentThread());
        }
    }

    /** Uncontended {@code ReentrantLock.lock()} + {@code unlock()}: a lock that never waits reads no clock. */
    @Benchmark
    public void lockUnlock() {
        lock.lock();
        lock.unlock();
    }

    /** {@code LockSupport.unpark(self)} then {@code park()} ({@link CallSites#block}): the park returns at once. */
    @Benchmark
    public void unparkPark() {
        CallSites.block();
    }
}
