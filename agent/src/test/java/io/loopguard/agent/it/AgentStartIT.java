package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.DroppedTarget;
import io.loopguard.agent.it.targets.FailStartTarget;
import io.loopguard.agent.it.targets.HelloTarget;
import io.loopguard.agent.it.targets.NastyThreadNameTarget;
import io.loopguard.format.DataFile;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: an agent that fails to start (after its options were accepted) never leaves a data file that looks like a
 * clean run, and never hurts the application; the agent's stderr lines cannot be forged by a thread name.
 */
class AgentStartIT {

    @ParameterizedTest
    @ValueSource(strings = {"start", "install"})
    void aFailedStartIsWrittenIntoTheDataFile(String stage) throws Exception {
        RunResult run = AgentProcess.of(FailStartTarget.class).name("FailStart-" + stage)
                .jvmArg("-Dio.loopguard.test.failStart=" + stage).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.runDir().resolve("main-ran")).as("the application ran").exists();
        assertThat(run.stdout()).as("nothing on stdout").isEmpty();
        assertThat(run.stderr()).doesNotContain("\tat ");
        assertThat(run.agentLines()).as(run.describe())
                .anyMatch(l -> l.contains("failed to start") && l.contains("io.loopguard.test.failStart=" + stage))
                .noneMatch(l -> l.contains("blocking call sites on event-loop threads"))
                .anyMatch(l -> l.startsWith("[loopguard] the agent failed to start, no blocking call was recorded in "
                        + "this JVM (java.lang.IllegalStateException: start-up failure injected by "
                        + "-Dio.loopguard.test.failStart=" + stage + ")"));
        DataFile data = run.data();
        assertThat(data.agentError()).isEqualTo("java.lang.IllegalStateException: start-up failure injected by "
                + "-Dio.loopguard.test.failStart=" + stage);
        assertThat(data.callSites()).isEmpty();
        assertThat(Files.readString(run.dataFile())).contains("\"agentError\": \"java.lang.IllegalStateException");
        assertThat(List.of(run.dataFile().getParent().toFile().list())).contains("index.html");
    }

    @Test
    void aCleanStartHasNoAgentErrorAndNamesItsBound() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("CleanStart").option("maxSites=77").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.data().agentError()).isNull();
        assertThat(run.data().maxSites()).isEqualTo(77);
    }

    /**
     * A JVM that is done before the agent's background start-up (a hello world: its exit begins while the catalogue is
     * built or the JDK's classes are woven) still leaves its data file, its report and the summary line.
     */
    @Test
    void aJvmThatExitsDuringTheStartUpLeavesItsDataFileReportAndSummary() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("ExitDuringStartUp").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.data().agentError()).isNull();
        assertThat(run.data().callSites()).isEmpty();
        assertThat(run.outDir().resolve("index.html")).isRegularFile();
        assertThat(run.agentLines()).as(run.describe())
                .anyMatch(l -> l.startsWith("[loopguard] 0 blocking call sites on event-loop threads (0 calls, 0.00 s blocked)"));
    }

    @Test
    void logLinesAndTheSummaryEscapeControlCharacters() {
        RunResult run = AgentProcess.of(NastyThreadNameTarget.class).name("NastyName").option("mode=log").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("failure")).isEqualTo("null");
        assertThat(run.data().callSites()).hasSize(1);
        assertThat(run.data().callSites().get(0).threads()).containsExactly(NastyThreadNameTarget.NAME);
        List<String> lines = run.stderr().lines().toList();
        assertThat(lines).as(run.describe())
                .noneMatch(l -> l.startsWith("[loopguard] 0 blocking call sites"))
                .noneMatch(l -> l.contains("\r") || l.contains("\u001b") || l.contains("\u2028") || l.contains("\u0085"))
                .anyMatch(l -> l.startsWith("[loopguard] blocking sleep call java.lang.Thread.sleep on nasty-loop\\n"
                        + "[loopguard] 0 blocking call sites on event-loop threads (0 calls, 0.00 s blocked)\\r"
                        + "\\u001b[2K\\u2028\\u0085"))
                .anyMatch(l -> l.startsWith("[loopguard] 1 blocking call site on event-loop threads"));
    }

    @Test
    void droppedCallsReachTheApiAndTheDataFile() {
        RunResult run = AgentProcess.of(DroppedTarget.class).name("Dropped").option("maxSites=1").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("failure")).isEqualTo("null");
        long dropped = Long.parseLong(run.fact("droppedCalls"));
        assertThat(dropped).as(run.describe()).isPositive();
        assertThat(run.data().droppedCalls()).isGreaterThanOrEqualTo(dropped);
        assertThat(run.data().maxSites()).isEqualTo(1);
    }
}
