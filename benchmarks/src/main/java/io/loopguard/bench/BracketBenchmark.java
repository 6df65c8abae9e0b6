package io.loopguard.bench;

import java.io.IOException;
import java.nio.channels.Selector;
import java.util.concurrent.TimeUnit;

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
 * One event-loop iteration's idle wait: {@code Selector.selectNow()} on an empty selector, the call every Netty and
 * Vert.x NIO loop makes each turn. On a registered thread the agent brackets it (idle on entry, busy again on exit:
 * two {@code nanoTime} reads and a few ordered stores); {@code registered=false} is the same call on a thread the agent
 * only looks up; run without the agent too, for the plain cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BracketBenchmark {
    @Param({"true", "false"})
    public boolean registered;

    private Selector selector;

    @Setup
    public void open() throws IOException {
        selector = Selector.open();
        if (registered) {
            LoopGuard.register(Thread.currentThread());
        }
    }

    @TearDown
    public void close() throws IOException {
        if (registered) {
            LoopGuard.unregister(Thread.currentThread());
        }
        selector.close();
    }

    @Benchmark
    public int loopIteration() throws IOException {
        return selector.selectNow();
    }
}
