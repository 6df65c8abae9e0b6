package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.NettyTarget;
import io.loopguard.agent.it.targets.ReactorTarget;
import io.loopguard.agent.it.targets.VertxTarget;
import io.loopguard.format.CallSite;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Auto-detected event loops: a real Netty server, a real Vert.x server and Reactor parallel()/single() pipelines,
 * idle and under traffic, produce no call site but the planted {@code Thread.sleep} (the positive control), which is
 * recorded on the framework's own loop thread. Vert.x workers are not loops; {@code autodetect=false} turns it off.
 */
class AutodetectIT {

    @Test
    void nettyServerIdleAndUnderTrafficRecordsOnlyThePlantedSleep() {
        RunResult run = AgentProcess.of(NettyTarget.class).timeout(Duration.ofSeconds(180)).run();
        assertRan(run);
        assertOnlyPlantedSleep(run, NettyTarget.class, "nioEventLoopGroup-");
    }

    @Test
    void autodetectFalseLeavesNettyLoopsUnregistered() {
        RunResult run = AgentProcess.of(NettyTarget.class).option("autodetect=false").name("NettyNoAutodetect").run();
        assertRan(run);
        assertThat(run.sites()).as("autodetect=false: the planted sleep is not on a registered thread\n%s",
                run.describe()).isEmpty();
    }

    @Test
    void vertxServerIdleAndUnderTrafficRecordsOnlyThePlantedSleep() {
        RunResult run = AgentProcess.of(VertxTarget.class).run();
        assertRan(run);
        assertOnlyPlantedSleep(run, VertxTarget.class, "vert.x-eventloop-thread-");
        assertThat(run.sitesIn(VertxTarget.class, "workerSleep"))
                .as("the same sleep in executeBlocking on a worker is not recorded").isEmpty();
    }

    @Test
    void reactorParallelPipelineRecordsOnlyThePlantedSleep() {
        RunResult run = AgentProcess.of(ReactorTarget.class).run();
        assertRan(run);
        assertOnlyPlantedSleep(run, ReactorTarget.class, "parallel-");
    }

    /** Issue 13: RxJava 3 marks its computation and single threads NonBlockingThread; io() threads are not loops. */
    @Test
    void rxJavaComputationAndSingleThreadsAreLoopsAndIoThreadsAreNot() {
        RunResult run = AgentProcess.of(io.loopguard.agent.it.targets.RxJavaTarget.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true");
        List<CallSite> planted = run.sitesIn(io.loopguard.agent.it.targets.RxJavaTarget.class, "plantedSleep");
        assertThat(planted).as(run.describe()).isNotEmpty().allMatch(s -> s.category().equals("sleep"));
        assertThat(planted.stream().flatMap(s -> s.threads().stream()).toList()).as(run.describe())
                .anyMatch(t -> t.startsWith("RxComputationThreadPool-"))
                .anyMatch(t -> t.startsWith("RxSingleScheduler-"));
        assertThat(run.sitesIn(io.loopguard.agent.it.targets.RxJavaTarget.class, "ioSleep"))
                .as("a sleep on io() is where blocking belongs").isEmpty();
        assertThat(run.sitesWhere(s -> !planted.contains(s))).as("nothing else\n%s", run.describe()).isEmpty();
    }

    static void assertRan(RunResult run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true");
        assertThat(run.fact("traffic")).as("client traffic").doesNotContain("Exception");
    }

    static void assertOnlyPlantedSleep(RunResult run, Class<?> target, String threadPrefix) {
        List<CallSite> planted = run.sitesIn(target, "plantedSleep");
        List<CallSite> others = run.sitesWhere(s -> !planted.contains(s));
        assertThat(others).as("the loop's own machinery (idle wait, traffic, shutdown) is never a blocking call:\n%s",
                RunResult.describe(others)).isEmpty();
        assertThat(planted).as("the planted sleep on the event loop is detected\n%s", run.describe()).hasSize(1);
        CallSite site = planted.get(0);
        assertThat(site.category()).isEqualTo("sleep");
        assertThat(site.blockingMethod()).isEqualTo("java.lang.Thread.sleep");
        assertThat(site.minNanos()).isGreaterThanOrEqualTo(29_400_000L);
        assertThat(site.threads()).as("recorded on the framework's loop thread").isNotEmpty()
                .allSatisfy(t -> assertThat(t).startsWith(threadPrefix));
    }
}
