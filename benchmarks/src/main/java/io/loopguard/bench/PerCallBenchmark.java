package io.loopguard.bench;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Hot instrumented JDK APIs on a thread that is NOT an event loop: what every other thread of an application pays
 * for the agent being attached. Run once without an agent, once with loopguard, once with BlockHound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PerCallBenchmark {
    private final ReentrantLock lock = new ReentrantLock();
    private final CompletableFuture<Integer> done = CompletableFuture.completedFuture(42);
    private Path file;
    private FileInputStream in;

    @Setup
    public void open() throws IOException {
        file = Files.createTempFile("loopguard-bench-", ".bin");
        Files.write(file, new byte[1 << 20]); // 1 MiB: one rewind per million reads
        in = new FileInputStream(file.toFile());
    }

    @TearDown
    public void close() throws IOException {
        in.close();
        Files.deleteIfExists(file);
    }

    /** Uncontended {@code ReentrantLock.lock()} + {@code unlock()}. */
    @Benchmark
    public void lockUnlock() {
        lock.lock();
        lock.unlock();
    }

    /** {@code CompletableFuture.join()} of a completed future. */
    @Benchmark
    public Integer futureJoin() {
        return done.join();
    }

    /** {@code FileInputStream.read()} of one byte of an open, cached file. */
    @Benchmark
    public int fileRead() throws IOException {
        int b = in.read();
        if (b < 0) {
            in.getChannel().position(0);
            b = in.read();
        }
        return b;
    }

    /** {@code LockSupport.unpark(self)} then {@code park()}: the permit is set, so the park returns at once. */
    @Benchmark
    public void unparkPark() {
        LockSupport.unpark(Thread.currentThread());
        LockSupport.park();
    }
}
