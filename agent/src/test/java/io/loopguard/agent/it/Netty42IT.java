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
 * whatever thread runs it. And a {@code ManualIoEventLoop}, which has no thread of its own, on the thread that drives
 * it.
 */
class Netty42IT {

    @Test
    void netty42LoopsIdleAndUnderTrafficRecordOnlyThePlantedSleep() {
        RunResult run = AgentProcess.of(Netty42Target.class).classPath(ItEnv.targetClassPathWithNetty42())
                .args("platform").name("Netty42").run();
        assertRanOnNetty42(run, "io.netty.channel.SingleThreadIoEventLoop");
        assertThat(run.fact("loopThread")).as("a platform thread of Netty's factory").startsWith("Thread[")
                .contains("netty42-loop-");
        assertOnlyPlantedSleep(run, "netty42-loop-");
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
        assertOnlyPlantedSleep(run, "netty42-vloop-");
    }

    @Test
    void aManualIoEventLoopIsDetectedOnTheThreadThatDrivesIt() {
        RunResult run = AgentProcess.of(Netty42Target.class).classPath(ItEnv.targetClassPathWithNetty42())
                .args("manual").name("Netty42Manual").run();
        assertRanOnNetty42(run, "io.netty.channel.ManualIoEventLoop");
        assertThat(run.fact("loopThread")).as("the application's own thread (virtual on JDK 21+)")
                .startsWith(ItEnv.javaMajor() >= 21 ? "VirtualThread[" : "Thread[").contains("netty42-manual");
        assertOnlyPlantedSleep(run, "netty42-manual");
    }

    static void assertRanOnNetty42(RunResult run, String loopClass) {
        AutodetectIT.assertRan(run);
        assertThat(run.fact("netty")).as("real Netty 4.2 on the target's class path").startsWith("4.2.");
        assertThat(run.fact("loopClass")).isEqualTo(loopClass);
        assertThat(run.facts()).doesNotContainKey("driver");
    }

    static void assertOnlyPlantedSleep(RunResult run, String threadPrefix) {
        AutodetectIT.assertOnlyPlantedSleep(run, Netty42Target.class, threadPrefix);
        CallSite site = run.sitesIn(Netty42Target.class, "plantedSleep").get(0);
        List<String> handlerFrames = site.stack().stream()
                .filter(f -> f.className().equals(Netty42Target.HttpHandler.class.getName()))
                .map(f -> f.methodName()).toList();
        assertThat(handlerFrames).as("the handler is in the stack\n%s", run.describe()).contains("channelRead0");
    }
}
