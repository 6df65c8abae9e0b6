package io.loopguard.bench;

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
 * What one recorded call costs on a registered (event-loop) thread: a {@code park} that returns at once (permit set),
 * from the same call site every time or from a call site never seen before, with a shallow stack (JMH's ~10 frames)
 * and with 100 more frames. {@code registered=false} is the same code on an ordinary thread, in the same JVM.
 *
 * <p>The {@code new*} benchmarks make a new call site per operation (up to 10^6, see {@link CallSites}); they run in
 * single-shot batches so the number of sites stays bounded, and need the agent's {@code maxSites} raised above it.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordingBenchmark {
    public static final int DEEP = 100;

    @Param({"true", "false"})
    public boolean registered;

    private int next;
    private String name;

    @Setup
    public void register() {
        if (registered) {
            name = Thread.currentThread().getName();
            Thread.currentThread().setName("bench-loop-" + name); // BlockHound's recording integration matches this
            LoopGuard.register(Thread.currentThread());
        }
    }

    @TearDown
    public void unregister() {
        if (registered) {
            LoopGuard.unregister(Thread.currentThread());
            Thread.currentThread().setName(name);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void repeatedShallow() {
        CallSites.at(0, 0, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public void repeatedDeep() {
        CallSites.at(0, 0, DEEP);
    }

    /**
     * The floor of {@code repeatedShallow}: the VM's stack walk ({@code new Throwable()}) at the depth where the
     * runtime takes it, and nothing else. Recording a repeated site costs at least this on any thread.
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Throwable walkFloorShallow() {
        return CallSites.throwable(5);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public void newShallow() {
        CallSites.at(next++, 6, 0);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public void newDeep() {
        CallSites.at(next++, 6, DEEP - 6);
    }
}
