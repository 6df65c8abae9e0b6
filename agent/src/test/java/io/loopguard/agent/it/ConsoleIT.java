package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.ConsoleTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Console output on a loop: allowed by default ({@code console=allow}, as BlockHound's users expect), recorded with
 * {@code console=report}, and either way a write to System.out/err is named {@code stdout}/{@code stderr}. A
 * PrintStream onto a file is file I/O whatever the option says.
 */
class ConsoleIT {

    @Test
    void consoleWritesAreAllowedByDefaultAndFileWritesAreNot() {
        RunResult run = AgentProcess.of(ConsoleTarget.class).run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("failure")).isEqualTo("null");
        assertThat(run.sitesIn(ConsoleTarget.class, "printsToStdout")).as(run.describe()).isEmpty();
        assertThat(run.sitesIn(ConsoleTarget.class, "printsToStderr")).as(run.describe()).isEmpty();
        assertThat(run.sitesIn(ConsoleTarget.class, "printsAStackTrace")).as(run.describe()).isEmpty();
        assertThat(run.sitesIn(ConsoleTarget.class, "printsToAFile")).as(run.describe()).isNotEmpty()
                .allMatch(site -> site.category().equals("file"));
    }

    @Test
    void consoleReportRecordsThemNamedStdoutAndStderr() {
        RunResult run = AgentProcess.of(ConsoleTarget.class).option("console=report").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<CallSite> out = run.sitesIn(ConsoleTarget.class, "printsToStdout");
        assertThat(out).as(run.describe()).hasSize(1);
        assertThat(out.get(0).category()).isEqualTo("file");
        assertThat(out.get(0).blockingMethod()).isEqualTo("java.io.PrintStream.write");
        assertThat(out.get(0).detail()).isEqualTo("stdout");
        assertThat(run.sitesIn(ConsoleTarget.class, "printsToStderr")).extracting(CallSite::detail)
                .containsExactly("stderr");
        assertThat(run.sitesIn(ConsoleTarget.class, "printsAStackTrace")).extracting(CallSite::detail)
                .containsOnly("stderr");
    }
}
