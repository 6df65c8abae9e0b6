package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.LambdaLinkageTarget;
import io.loopguard.format.CallSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: another agent's class-definition work is JVM machinery. The real OpenTelemetry Java agent (from Maven
 * Central, exporters off) transforms every lambda class that a handler links on the event loop, reading its own jar
 * to do so; before, each of those reads was a call site of the application. Now only the planted sleep is, and its
 * first frame below the blocking call is the handler's, not OpenTelemetry's.
 */
class OtherAgentsIT {
    /** Copied by the build (agent/pom.xml, execution "otel"). */
    static Path otelAgent() {
        String configured = System.getProperty("loopguard.it.otelAgent");
        Path jar = configured != null ? Paths.get(configured)
                : Paths.get(System.getProperty("basedir", "."), "target", "otel", "opentelemetry-javaagent.jar");
        assertThat(jar).as("the OpenTelemetry agent copied by the build").isRegularFile();
        return jar;
    }

    @Test
    void openTelemetryAgentBesideLoopguardLeavesOnlyTheApplicationsBlockingCall() throws Exception {
        RunResult run = AgentProcess.of(LambdaLinkageTarget.class).timeout(Duration.ofSeconds(240))
                .jvmArg("-javaagent:" + otelAgent())
                .jvmArg("-Dotel.traces.exporter=none").jvmArg("-Dotel.metrics.exporter=none")
                .jvmArg("-Dotel.logs.exporter=none").jvmArg("-Dotel.javaagent.logging=none")
                .run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("traffic")).as(run.describe()).isEqualTo("ok");
        List<CallSite> planted = run.sitesIn(LambdaLinkageTarget.class, "plantedSleep");
        assertThat(planted).as(run.describe()).hasSize(1);
        assertThat(run.sitesWhere(s -> !planted.contains(s))).as("nothing but the planted sleep\n%s", run.describe())
                .isEmpty();
        CallSite sleep = planted.get(0);
        assertThat(sleep.stack().get(1).className()).isEqualTo(LambdaLinkageTarget.class.getName());
        assertThat(sleep.stack().get(1).methodName()).isEqualTo("plantedSleep");
        assertThat(Files.readString(run.runDir().resolve("command.txt"))).contains("opentelemetry-javaagent.jar");
    }
}
