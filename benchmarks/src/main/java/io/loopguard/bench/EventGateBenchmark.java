package io.loopguard.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import io.loopguard.LoopGuard;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the JFR event {@code io.loopguard.BlockingCall} costs a recorded call when no recording wants it: the
 * recorder's gate {@code BlockingCallEvents.enabled()}, against a method handle of the same shape that returns
 * false. Run with the agent ({@code -javaagent}, whose jar is on the system class path) and without any recording;
 * {@code -XX:StartFlightRecording} turns the gate true (then the event's own cost is in {@link RecordingBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventGateBenchmark {
    private static final MethodHandle GATE = gate();
    private static final MethodHandle BASELINE = baseline();

    private static MethodHandle gate() {
        try {
            Class<?> events = Class.forName("io.loopguard.agent.events.BlockingCallEvents");
            return MethodHandles.publicLookup().findStatic(events, "enabled", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("run with -javaagent:loopguard-agent.jar", e);
        }
    }

    private static MethodHandle baseline() {
        try {
            return MethodHandles.lookup().findStatic(EventGateBenchmark.class, "no", MethodType.methodType(boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code true}: a loop is registered first, so the agent's own JFR stream (monitor, pinning) runs. JFR then
     * instruments the event class and {@code isEnabled()} is true by the event's default; the gate must still say
     * false, as no recording but the agent's own wants the event.
     */
    @Param({"false", "true"})
    public boolean agentStream;

    @Setup
    public void startAgentStream() throws InterruptedException {
        if (agentStream) {
            LoopGuard.register(Thread.currentThread());
            Thread.sleep(3000); // the stream starts on the agent's thread in about 0.4 s
            LoopGuard.unregister(Thread.currentThread());
        }
    }

    private static boolean no() {
        return false;
    }

    @Benchmark
    public boolean gateNoRecording() throws Throwable {
        return (boolean) GATE.invokeExact();
    }

    @Benchmark
    public boolean baselineFalse() throws Throwable {
        return (boolean) BASELINE.invokeExact();
    }
}
