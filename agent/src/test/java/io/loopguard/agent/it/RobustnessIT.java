package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.ItEnv;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.RobustnessTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rough edges of real use: two copies of the agent in one JVM, temporaries left by a writer killed mid-write, and
 * loops that ended before the data file was written.
 */
class RobustnessIT {

    @Test
    void aSecondCopyOfTheAgentSaysSoInOneLineAndStaysInactive(@TempDir Path tmp) throws Exception {
        Path copy = Files.copy(ItEnv.agentJar(), tmp.resolve("second-loopguard-agent.jar"));
        Path secondOutput = tmp.resolve("second-out");
        RunResult run = AgentProcess.of(RobustnessTarget.class).name("TwoCopies")
                .jvmArg("-javaagent:" + copy + "=output=" + secondOutput).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("isActive")).isEqualTo("true");
        List<String> lines = run.agentLines();
        assertThat(lines).as("one line from the second copy, one summary from the first\n%s", run.describe()).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("[loopguard] another copy of the agent is already active in this JVM; "
                + "this one (-javaagent:…=output=" + secondOutput + ") stays inactive");
        assertThat(lines.get(1)).contains("blocking call site");
        assertThat(secondOutput).as("the inactive copy writes nothing").doesNotExist();
        assertThat(run.sites()).as("each call recorded once\n%s", run.describe()).hasSize(1);
        assertThat(run.sites().get(0).count()).isEqualTo(3);
    }

    @Test
    void staleTemporariesOfDeadWritersAreDeletedAndLiveOnesKept(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long dead = gone.pid();
        long live = ProcessHandle.current().pid();
        Path deadData = Files.writeString(out.resolve(".loopguard-" + dead + ".json." + dead + ".123456789.tmp"), "{\"half");
        Path deadIndex = Files.writeString(out.resolve(".index.html." + dead + ".987654321.tmp"), "<html");
        Path liveData = Files.writeString(out.resolve(".loopguard-" + live + ".json." + live + ".123456789.tmp"), "{\"half");
        Path other = Files.writeString(out.resolve(".notes.txt." + dead + ".1.tmp"), "not ours");
        RunResult run = AgentProcess.of(RobustnessTarget.class).name("StaleTemporaries").option("output=" + out)
                .args(deadData.toString()).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("staleGone")).as("deleted while the JVM ran\n%s", run.describe()).isEqualTo("true");
        assertThat(deadIndex).as("the dead writer's index.html temporary").doesNotExist();
        assertThat(liveData).as("a running JVM's temporary is never touched").exists();
        assertThat(other).as("only loopguard's own temporaries").exists();
        assertThat(out.resolve("loopguard-" + run.pid() + ".json")).isRegularFile();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .as("no temporary of the run itself is left").containsExactlyInAnyOrder(
                            liveData.getFileName().toString(), other.getFileName().toString());
        }
    }

    @Test
    void registeredThreadsListsLoopsThatEndedBeforeTheFileWasWritten() {
        RunResult run = AgentProcess.of(RobustnessTarget.class).name("EndedLoops").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.data().registeredThreads()).as(run.describe())
                .contains("ended-loop-0", "ended-loop-1", "ended-loop-2");
    }

    @Test
    void registeredThreadsIsBoundedAndCountsTheRest() {
        RunResult run = AgentProcess.of(RobustnessTarget.class).name("ManyLoops").args("many").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> names = run.data().registeredThreads();
        assertThat(names).as("1,000 names and one count").hasSize(1001);
        assertThat(names.subList(0, 3)).containsExactly("ended-loop-0", "ended-loop-1", "ended-loop-2");
        assertThat(names.get(999)).isEqualTo("many-996");
        assertThat(names.get(1000)).isEqualTo("(8 more registered threads not listed)");
    }
}
