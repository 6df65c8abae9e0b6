package io.loopguard.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * What an event loop pays per woven call that records nothing: the calls a loop makes on every request (an
 * uncontended lock, a read of a cached file) on a registered thread, run with {@code profile=production} (1 ms
 * threshold) so that none of them is recorded. {@code registered=false} is the same code on an ordinary thread in the
 * same JVM, so the difference is the loop's bookkeeping: the registry probe at entry and exit, the call depth, and
 * for a call that may block ({@code fileRead}) two clock reads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopCallBenchmark {
    @Param({"true", "false"})
    public boolean registered;

    private final ReentrantLock lock = new ReentrantLock();
    private Path file;
    private FileInputStream in;

    @Setup
    public void open() throws IOException {
        file = Files.createTempFile("loopguard-bench-", ".bin");
        Files.write(file, new byte[1 << 20]);
        in = new FileInputStream(file.toFile());
        if (registered) {
            LoopGuard.register(Thread.currentThread());
        }
    }

    @TearDown
    public void close() throws IOException {
        if (registered) {
            LoopGuard.unregister(Thread.currentThread());
        }
        in.close();
        Files.deleteIfExists(file);
    }

    /** Uncontended {@code ReentrantLock.lock()} + {@code unlock()}: a lock that never waits reads no clock. */
    @Benchmark
    public void lockUnlock() {
        lock.lock();
        lock.unlock();
    }

    /** {@code FileInputStream.read()} of one byte of a cached file: a file call, timed, under the threshold. */
    @Benchmark
    public int fileRead() throws IOException {
        int b = in.read();
        if (b < 0) {
            in.getChannel().position(0);
            b = in.read();
        }
        return b;
    }
}
