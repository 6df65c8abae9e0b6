package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.ItEnv;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.LambdaLinkageTarget;
import io.loopguard.agent.it.targets.MockitoInlineTarget;
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

    /** Copied by the build (agent/pom.xml, execution "jacoco"). */
    static Path jacocoAgent() {
        String configured = System.getProperty("loopguard.it.jacocoAgent");
        Path jar = configured != null && !configured.startsWith("${") ? Paths.get(configured)
                : Paths.get(System.getProperty("basedir", "."), "target", "jacoco", "jacocoagent.jar");
        assertThat(jar).as("the JaCoCo agent copied by the build").isRegularFile();
        return jar;
    }

    /** JaCoCo instruments every class as it loads, lambdas' hidden classes aside; the coverage file is still written. */
    @Test
    void jacocoAgentBesideLoopguardLeavesOnlyTheApplicationsBlockingCall() throws Exception {
        Path exec = ItEnv.newRunDir("jacoco-exec").resolve("jacoco.exec");
        RunResult run = AgentProcess.of(LambdaLinkageTarget.class).name("JacocoBeside").timeout(Duration.ofSeconds(240))
                .jvmArg("-javaagent:" + jacocoAgent() + "=destfile=" + exec)
                .run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("traffic")).as(run.describe()).isEqualTo("ok");
        assertOnlyPlantedSleep(run, LambdaLinkageTarget.class);
        assertThat(exec).as("JaCoCo worked beside loopguard").isNotEmptyFile();
    }

    /**
     * Mockito's inline mock maker retransforms the mocked classes (a final class, a static method) from the loop
     * thread that mocks them; its transformer runs under the JVM's and is allowed like any other.
     */
    @Test
    void mockitoInlineMockMakerOnALoopLeavesOnlyTheApplicationsBlockingCall() {
        RunResult run = AgentProcess.of(MockitoInlineTarget.class).name("MockitoBeside")
                .classPath(ItEnv.targetClassPathWithMockito()).option("threads=mock-loop")
                .jvmArg("-javaagent:" + ItEnv.mockitoDir().resolve("mockito-core.jar"))
                .run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("mocks")).as("the mocks answered on the loop\n%s", run.describe()).isEqualTo("mocked 42");
        assertOnlyPlantedSleep(run, MockitoInlineTarget.class);
    }

    static void assertOnlyPlantedSleep(RunResult run, Class<?> target) {
        List<CallSite> planted = run.sitesIn(target, "plantedSleep");
        assertThat(planted).as(run.describe()).hasSize(1);
        assertThat(run.sitesWhere(s -> !planted.contains(s))).as("nothing but the planted sleep\n%s", run.describe())
                .isEmpty();
        CallSite sleep = planted.get(0);
        assertThat(sleep.stack().get(1).className()).isEqualTo(target.getName());
        assertThat(sleep.stack().get(1).methodName()).isEqualTo("plantedSleep");
    }
}
