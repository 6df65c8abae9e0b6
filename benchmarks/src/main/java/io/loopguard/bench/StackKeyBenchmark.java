package io.loopguard.bench;

import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Not part of {@code run.sh}: the evidence for the recording-cost fix. How a call-site key can be taken from the
 * stack, at the depth of the recording benchmarks: the agent's way today (StackWalker, then class and method names of
 * every frame hashed), the same walk keyed by class identity and bytecode index (names only needed for a new site),
 * and {@code Throwable.getStackTrace()}.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar StackKey -f 1 -wi 3 -w 1s -i 5 -r 1s [-jvm JDK/bin/java]}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StackKeyBenchmark {
    private static final StackWalker NAMES = StackWalker.getInstance();
    private static final StackWalker CLASSES = StackWalker.getInstance(EnumSet.of(StackWalker.Option.RETAIN_CLASS_REFERENCE));
    private static final Function<Stream<StackFrame>, StackFrame[]> COLLECT = new Function<>() {
        @Override
        public StackFrame[] apply(Stream<StackFrame> stream) {
            StackFrame[] out = new StackFrame[16];
            int n = 0;
            for (Iterator<StackFrame> frames = stream.iterator(); frames.hasNext() && n < 128; ) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = frames.next();
            }
            return Arrays.copyOf(out, n);
        }
    };

    @Param({"0", "100"})
    public int padding;

    /** What {@code StackCapture.capture} + {@code StackCapture.key} do on every recorded call today. */
    @Benchmark
    public long walkAndNameKey() {
        return down(padding, 0);
    }

    /** The same walk with {@code RETAIN_CLASS_REFERENCE}, keyed by declaring-class identity and bytecode index. */
    @Benchmark
    public long walkAndClassBciKey() {
        return down(padding, 1);
    }

    /** The walk alone. */
    @Benchmark
    public long walkOnly() {
        return down(padding, 2);
    }

    /** {@code new Throwable().getStackTrace()} keyed by class name, method name and line (faster on JDK 17). */
    @Benchmark
    public long throwableKey() {
        return down(padding, 3);
    }

    private static long down(int frames, int variant) {
        return frames > 0 ? down(frames - 1, variant) : key(variant);
    }

    private static long key(int variant) {
        long h = 0x9E3779B97F4A7C15L;
        switch (variant) {
            case 0:
                for (StackFrame f : NAMES.walk(COLLECT)) {
                    h = h * 31 + f.getClassName().hashCode();
                    h = h * 31 + f.getMethodName().hashCode();
                    h = h * 31 + f.getByteCodeIndex();
                }
                return h;
            case 1:
                for (StackFrame f : CLASSES.walk(COLLECT)) {
                    h = h * 31 + System.identityHashCode(f.getDeclaringClass());
                    h = h * 31 + f.getByteCodeIndex();
                }
                return h;
            case 2:
                return NAMES.walk(COLLECT).length;
            default:
                for (StackTraceElement e : new Throwable().getStackTrace()) {
                    h = h * 31 + e.getClassName().hashCode();
                    h = h * 31 + e.getMethodName().hashCode();
                    h = h * 31 + e.getLineNumber();
                }
                return h;
        }
    }
}
