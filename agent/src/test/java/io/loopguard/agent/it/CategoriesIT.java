package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.ScenarioChecks;
import io.loopguard.agent.it.support.ScenarioRunner;
import io.loopguard.agent.it.targets.CategoriesTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.Frame;
import java.lang.reflect.Method;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every category but monitor/pinning/stall, on a registered thread (detected, right category and blocking method,
 * the scenario in the stack, duration at least the real blocking time) and on an unregistered one (nothing); the JDK
 * 17 natives called directly, a lambda body, a Thread subclass; NIO; semantic categories (contended vs uncontended
 * lock, unfinished vs done future); nesting (one call, one site); calls that end by timeout. One JVM, -Xverify:all.
 */
class CategoriesIT {
    static RunResult run;

    @BeforeAll
    static void runTarget() {
        run = AgentProcess.of(CategoriesTarget.class).verifyAll().run();
    }

    @Test
    void targetRunsNormallyUnderTheAgent() {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.stdout()).as("nothing on stdout").isEmpty();
        assertThat(run.data().format()).isEqualTo("loopguard/1");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioChecks.forTarget(run, CategoriesTarget.class);
    }

    @Test
    void everyCallSiteBelongsToAScenarioOnItsLoopThread() {
        List<Method> scenarios = ScenarioRunner.scenarios(CategoriesTarget.class);
        List<CallSite> stray = run.sitesWhere(s -> scenarios.stream()
                .noneMatch(m -> RunResult.hasFrame(s, CategoriesTarget.class, m.getName())
                        && s.threads().stream().allMatch(t -> t.equals("loop-" + m.getName()))));
        assertThat(stray).as("call sites outside any scenario, or on another thread:\n%s",
                RunResult.describe(stray)).isEmpty();
    }

    @Test
    void noAgentFramesInStacks() {
        for (CallSite s : run.sites()) {
            List<String> agentFrames = s.stack().stream().map(Frame::className)
                    .filter(c -> c.startsWith("io.loopguard.") && !c.startsWith("io.loopguard.agent.it.")
                            || c.startsWith("java.lang.$LoopGuard"))
                    .collect(Collectors.toList());
            assertThat(agentFrames).as("agent frames in %s %s", s.blockingMethod(), s.stack()).isEmpty();
        }
    }
}
