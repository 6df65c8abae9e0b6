package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.ScenarioChecks;
import io.loopguard.agent.it.targets.OptionsTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract's options that shape what is recorded or written: {@code threshold}, {@code allow} (all three
 * forms), {@code report=none}, the default {@code output}, {@code enabled=false}, the {@code maxSites} bound, and the
 * layering agent argument &gt; {@code -Dloopguard.KEY} &gt; {@code LOOPGUARD_KEY}.
 */
class OptionsIT {
    static final String T = OptionsTarget.class.getName();
    static final String ALLOW = "allow=" + T + "#allowedByMethod:" + T + "$AllowedClass:"
            + "io.loopguard.agent.it.targets.allowed.*";

    /** threshold=50ms, allow (three forms), report=none, no output option (the default directory applies). */
    static RunResult filters;

    static synchronized RunResult filters() {
        if (filters == null) {
            filters = AgentProcess.of(OptionsTarget.class).name("OptionsFilters").noOutputOption()
                    .options("threshold=50ms", ALLOW, "report=none").args("filters").run();
        }
        return filters;
    }

    @TestFactory
    Stream<DynamicTest> thresholdAndAllowScenarios() {
        return ScenarioChecks.forTarget(filters(), OptionsTarget.class);
    }

    @Test
    void defaultOutputIsLoopguardInTheWorkingDirectory() {
        RunResult run = filters();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.runDir().resolve("loopguard").resolve("loopguard-" + run.pid() + ".json"))
                .as("output defaults to ./loopguard\n%s", run.describe()).isRegularFile();
    }

    @Test
    void reportNoneWritesNoHtmlAndTheSummaryHasNoLink() {
        RunResult run = filters();
        assertThat(run.outDir().resolve("index.html")).doesNotExist();
        List<String> summary = run.agentLines().stream().filter(l -> l.contains("blocking call site")).toList();
        assertThat(summary).as("one summary line\n%s", run.describe()).hasSize(1);
        assertThat(summary.get(0)).matches("\\[loopguard\\] \\d+ blocking call sites? on event-loop threads "
                + "\\(\\d+ calls?, [0-9.,]+ s blocked\\)").doesNotContain("file:");
    }

    @Test
    void layeringAgentArgumentOverSystemPropertyOverEnvironment(@org.junit.jupiter.api.io.TempDir Path tmp) {
        Path fromArg = tmp.resolve("from-arg");
        Path fromSys = tmp.resolve("from-sys");
        Path fromEnv = tmp.resolve("from-env");
        RunResult run = AgentProcess.of(OptionsTarget.class).name("OptionsLayering")
                .option("output=" + fromArg)
                .jvmArg("-Dloopguard.output=" + fromSys)
                .jvmArg("-Dloopguard.threads=sys-*")
                .env("LOOPGUARD_OUTPUT", fromEnv.toString())
                .env("LOOPGUARD_THREADS", "env-*")
                .env("LOOPGUARD_THRESHOLD", "60ms")
                .args("layering").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(fromSys.resolve("loopguard-" + run.pid() + ".json")).as("system property lost to agent argument")
                .doesNotExist();
        assertThat(fromEnv.resolve("loopguard-" + run.pid() + ".json")).as("environment lost to agent argument")
                .doesNotExist();
        DataFile data = run.readData(run.dataFileIn(fromArg));
        List<String> threads = data.callSites().stream().flatMap(s -> s.threads().stream()).distinct().toList();
        assertThat(threads).as("threads: -Dloopguard.threads=sys-* wins over LOOPGUARD_THREADS=env-*; sites:\n%s",
                RunResult.describe(data.callSites())).containsExactly("sys-1");
        assertThat(data.callSites()).as("LOOPGUARD_THRESHOLD=60ms (no higher source) drops the 2 ms sleep, keeps the 120 ms one")
                .noneMatch(s -> hasMethod(s, "layerShortSleep"))
                .anyMatch(s -> hasMethod(s, "layerLongSleep"));
    }

    @Test
    void enabledFalseMakesTheAgentANoOp() {
        RunResult run = AgentProcess.of(OptionsTarget.class).name("OptionsDisabled").option("enabled=false")
                .args("enabled").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("isActive")).isEqualTo("false");
        assertThat(run.dataFile()).as("no data file with enabled=false\n%s", run.describe()).doesNotExist();
        assertThat(run.outDir().resolve("index.html")).doesNotExist();
        assertThat(run.agentLines()).as("no summary line").isEmpty();
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void maxSitesBoundsDistinctCallSitesAndCountsDroppedCalls() {
        RunResult run = AgentProcess.of(OptionsTarget.class).name("OptionsMaxSites").option("maxSites=3")
                .args("maxSites").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("failure")).isEqualTo("null");
        assertThat(run.sites()).as("5 distinct sites, bound 3\n%s", run.describe()).hasSize(3);
        assertThat(run.sites()).allMatch(s -> s.count() == 2);
        assertThat(run.data().droppedCalls()).as("the 2 x 2 calls of the sites beyond the bound").isEqualTo(4);
    }

    static boolean hasMethod(CallSite s, String method) {
        return RunResult.hasFrame(s, OptionsTarget.class, method);
    }
}
