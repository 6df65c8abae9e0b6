package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.ItEnv;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.Netty42Target;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-detection on real Netty 4.2 ({@code MultiThreadIoEventLoopGroup} + {@code NioIoHandler}, whose loops are
 * {@code SingleThreadIoEventLoop}s), on a class path of its own: an HTTP server idle and under 300 requests records
 * only the planted {@code Thread.sleep}, on the loop thread, with the handler in its stack. The same with the loops
 * running as virtual threads (JDK 21+), where the thread's class says nothing: the loop's {@code run()} registers
 * whatever thread runs it; there a handler that blocks in a class initializer pins the loop's carrier
 * ({@code pinning}). And a {@code ManualIoEventLoop}, which has no thread of its own, on the thread that drives it.
 */
class Netty42IT {

    @Test
    void netty42LoopsIdleAndUnderTrafficRecordOnlyThePlantedSleep() {
        RunResult run = AgentProcess.of(Netty42Target.class).classPath(ItEnv.targetClassPathWithNetty42())
                .args("platform").name("Netty42").run();
        assertRanOnNetty42(run, "io.netty.channel.SingleThreadIoEventLoop");
        assertThat(run.fact("loopThread")).as("a platform thread of Netty's factory").startsWith("Thread[")
                .contains("netty42-loop-");
        assertOnlyPlantedSleepAndPin(run, "netty42-loop-", false);
    }

    @Test
    void netty42LoopsOnVirtualThreadsAreDetectedToo() {
        assumeTrue(ItEnv.javaMajor() >= 21, "virtual threads need JDK 21+ (the target JVM is JDK "
                + ItEnv.javaMajor() + "): there is no virtual-thread event loop to detect");
        RunResult run = AgentProcess.of(Netty42Target.class).classPath(ItEnv.targetClassPathWithNetty42())
                .args("virtual").name("Netty42Virtual").run();
        assertRanOnNetty42(run, "io.netty.channel.SingleThreadIoEventLoop");
        assertThat(run.fact("loopThread")).as("the loop runs on a virtual thread").startsWith("VirtualThread[")
                .contains("netty42-vloop-");
        assertOnlyPlantedSleepAndPin(run, "netty42-vloop-", true);
    }

    @Test
    void aManualIoEventLoopIsDetectedOnTheThreadThatDrivesIt() {
        RunResult run = AgentProcess.of(Netty42Target.class).classPath(ItEnv.targetClassPathWithNetty42())
                .args("manual").name("Netty42Manual").run();
        assertRanOnNetty42(run, "io.netty.channel.ManualIoEventLoop");
        boolean virtual = ItEnv.javaMajor() >= 21;
        assertThat(run.fact("loopThread")).as("the application's own thread (virtual on JDK 21+)")
                .startsWith(virtual ? "VirtualThread[" : "Thread[").contains("netty42-manual");
        assertOnlyPlantedSleepAndPin(run, "netty42-manual", virtual);
    }

    static void assertRanOnNetty42(RunResult run, String loopClass) {
        AutodetectIT.assertRan(run);
        assertThat(run.fact("netty")).as("real Netty 4.2 on the target's class path").startsWith("4.2.");
        assertThat(run.fact("loopClass")).isEqualTo(loopClass);
        assertThat(run.facts()).doesNotContainKey("driver");
    }

    /**
     * The planted sleep, on the loop thread with the handler in its stack; the blocking class initializer as one
     * {@code pinning} site if the loop is a virtual thread, else as nothing (class initialisation is allowed); and
     * nothing else: the loop's own machinery (idle wait, 300 requests, shutdown) is never a blocking call.
     */
    static void assertOnlyPlantedSleepAndPin(RunResult run, String threadPrefix, boolean virtualLoop) {
        List<CallSite> planted = run.sitesIn(Netty42Target.class, "plantedSleep");
        List<CallSite> pinned = run.sitesIn(Netty42Target.PinsInInit.class, "<clinit>");
        List<CallSite> others = run.sitesWhere(s -> !planted.contains(s) && !pinned.contains(s));
        assertThat(others).as("the loop's own machinery is never a blocking call:\n%s", RunResult.describe(others))
                .isEmpty();

        assertThat(planted).as("the planted sleep on the event loop is detected\n%s", run.describe()).hasSize(1);
        CallSite sleep = planted.get(0);
        assertThat(sleep.category()).isEqualTo("sleep");
        assertThat(sleep.blockingMethod()).isEqualTo("java.lang.Thread.sleep");
        assertThat(sleep.minNanos()).isGreaterThanOrEqualTo(29_400_000L);
        assertThat(sleep.threads()).as("recorded on the loop thread").isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith(threadPrefix));
        assertThat(RunResult.hasFrame(sleep, Netty42Target.HttpHandler.class, "channelRead0"))
                .as("the handler is in the stack\n%s", run.describe()).isTrue();

        if (!virtualLoop) {
            assertThat(pinned).as("a platform loop is never pinned; the sleep in <clinit> is allowed").isEmpty();
            return;
        }
        assertThat(pinned).as("a virtual-thread loop blocking in a class initializer pins its carrier\n%s",
                run.describe()).hasSize(1);
        CallSite pin = pinned.get(0);
        assertThat(pin.category()).isEqualTo("pinning");
        assertThat(pin.minNanos()).isGreaterThanOrEqualTo(39_000_000L);
        assertThat(pin.threads()).allSatisfy(t -> assertThat(t).startsWith(threadPrefix));
        assertThat(RunResult.hasFrame(pin, Netty42Target.HttpHandler.class, "channelRead0")).isTrue();
    }
}
