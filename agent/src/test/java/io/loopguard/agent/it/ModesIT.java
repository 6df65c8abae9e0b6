package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.ModesTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code mode=log} and {@code mode=throw}. */
class ModesIT {

    @Test
    void logModePrintsOneLinePerNewCallSite() {
        RunResult run = AgentProcess.of(ModesTarget.class).name("ModesLog").option("mode=log").args("log").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("failure")).isEqualTo("null");
        List<String> repeated = run.stderr().lines().filter(l -> l.contains("repeatedSleep")).toList();
        List<String> other = run.stderr().lines().filter(l -> l.contains("otherSleep")).toList();
        assertThat(repeated).as("one line for the site called 3 times, with its top frames\n%s", run.describe())
                .hasSize(1);
        assertThat(other).as("one line for the other site\n%s", run.describe()).hasSize(1);
        assertThat(repeated.get(0)).startsWith("[loopguard]").contains("Thread.sleep");
        assertThat(other.get(0)).startsWith("[loopguard]");
        assertThat(run.stdout()).isEmpty();
        List<CallSite> sites = run.sitesIn(ModesTarget.class, "repeatedSleep");
        assertThat(sites).as("log mode still records").hasSize(1);
        assertThat(sites.get(0).count()).isEqualTo(3);
    }

    @Test
    void throwModeFailsBeforeTheBlockingWorkAndLeavesLocksAndExecutorsHealthy() {
        RunResult run = AgentProcess.of(ModesTarget.class).name("ModesThrow").option("mode=throw").args("throw")
                .run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("done")).isEqualTo("true");

        assertThat(run.fact("sleep.error")).as("Thread.sleep(20_000) on the loop").isEqualTo("BlockingCallError");
        assertThat(Long.parseLong(run.fact("sleep.elapsedMs"))).as("thrown before sleeping (it asked for 20 s)")
                .isLessThan(5_000);

        assertThat(run.fact("files.error")).as("Files.writeString on the loop").isEqualTo("BlockingCallError");
        assertThat(run.fact("files.exists")).as("the file was never created").isEqualTo("false");
        assertThat(run.fact("stream.error")).as("new FileOutputStream on the loop").isEqualTo("BlockingCallError");
        assertThat(run.fact("stream.exists")).as("the file was never created").isEqualTo("false");

        assertThat(run.fact("plain.error")).as("unregistered threads are not affected").isEqualTo("none");

        assertThat(run.fact("lock.error")).as("contended ReentrantLock.lock on the loop").isEqualTo("BlockingCallError");
        assertThat(run.fact("lock.heldByRejectedThread")).isEqualTo("false");
        assertThat(run.fact("lock.otherError")).as("no IllegalMonitorStateException or other damage")
                .isEqualTo("none");
        assertThat(run.fact("lock.otherAcquired")).as("the lock is usable from another thread").isEqualTo("true");
        assertThat(run.fact("lock.queueLength")).isEqualTo("0");
        assertThat(run.fact("lock.isLocked")).isEqualTo("false");

        assertThat(run.fact("exec.first")).as("a task that sleeps on a registered worker")
                .isEqualTo("BlockingCallError");
        assertThat(run.fact("exec.second")).as("the executor still runs tasks").isEqualTo("ok");
        assertThat(run.fact("exec.afterIdle")).as("the worker's idle queue wait is not a blocking call")
                .isEqualTo("ok");
        assertThat(run.fact("exec.threadsCreated")).as("the worker survived").isEqualTo("1");
        assertThat(run.fact("exec.terminated")).isEqualTo("true");
        assertThat(run.stderr()).doesNotContain("IllegalMonitorStateException");
    }
}
