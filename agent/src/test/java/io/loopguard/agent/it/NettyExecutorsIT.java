package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.NettyExecutorsTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: Netty beyond its event loops, with real Netty 4.1. {@code GlobalEventExecutor}'s thread is a loop (the
 * planted sleep on it is found); a {@code HashedWheelTimer} started and stopped on an event loop, tasks handed to
 * other executors, and {@code GlobalEventExecutor}'s own idle waits are Netty's machinery (nothing recorded); the same
 * sleep on a {@code DefaultEventExecutorGroup} or on a thread of Netty's {@code DefaultThreadFactory} is where
 * blocking work belongs (not recorded, although Netty's {@code permitBlockingCalls()} is false on those threads too).
 */
class NettyExecutorsIT {

    @Test
    void globalEventExecutorIsALoopAndNettysOwnMachineryIsSilent() {
        RunResult run = AgentProcess.of(NettyExecutorsTarget.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true")
                .containsEntry("timeoutScheduled", "true").containsEntry("timerStopped", "true");
        List<CallSite> planted = run.sitesIn(NettyExecutorsTarget.class, "plantedSleep");
        assertThat(planted).as(run.describe()).singleElement().satisfies(site -> {
            assertThat(site.category()).isEqualTo("sleep");
            assertThat(site.threads()).singleElement().asString().startsWith("globalEventExecutor-");
            assertThat(site.threads()).containsExactly(run.fact("globalThread"));
        });
        assertThat(run.sitesIn(NettyExecutorsTarget.class, "offloadedSleep"))
                .as("DefaultEventExecutorGroup and a DefaultThreadFactory pool are not loops").isEmpty();
        assertThat(run.sitesWhere(s -> !planted.contains(s))).as("nothing else\n%s", run.describe()).isEmpty();
    }

    @Test
    void autodetectFalseLeavesGlobalEventExecutorAlone() {
        RunResult run = AgentProcess.of(NettyExecutorsTarget.class).option("autodetect=false")
                .name("NettyExecutorsNoAutodetect").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.sites()).as(run.describe()).isEmpty();
    }
}
