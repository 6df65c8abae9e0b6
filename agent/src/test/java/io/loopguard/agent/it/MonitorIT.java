package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.ScenarioChecks;
import io.loopguard.agent.it.targets.MonitorTarget;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code monitor} from JFR, with no JVM flag, on the JDK under test: a contended {@code synchronized} block and
 * method and a JDK {@code synchronized} method on a registered thread are one call site each, with the monitor's
 * class (and its holder) in {@code detail} and at least the contended time; an uncontended entry, or the same
 * contention on an unregistered thread, is nothing.
 */
class MonitorIT {
    static RunResult run;
    static RunResult withoutJfr;

    @BeforeAll
    static void runTarget() {
        run = AgentProcess.of(MonitorTarget.class).run();
        withoutJfr = AgentProcess.of(MonitorTarget.class).name("no-jfr").option("jfr=false").run();
    }

    @Test
    void jfrFalseTurnsTheStreamOff() {
        assertThat(withoutJfr.exitCode()).as(withoutJfr.describe()).isZero();
        assertThat(withoutJfr.sitesWhere(s -> s.category().equals("monitor"))).isEmpty();
    }

    @Test
    void targetRunsNormallyUnderTheAgent() {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as("nothing on stdout").isEmpty();
        assertThat(run.facts()).containsEntry("warmed", "true");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioChecks.forTarget(run, MonitorTarget.class);
    }

    @Test
    void onlyScenarioThreadsHaveMonitorSites() {
        assertThat(run.sitesWhere(s -> s.category().equals("monitor")
                && s.threads().stream().anyMatch(t -> !t.startsWith("loop-"))))
                .as("monitor sites off the registered scenario threads").isEmpty();
    }
}
