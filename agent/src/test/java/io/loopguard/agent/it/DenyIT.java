package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.DenyTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: {@code deny} disallows inside an allowed scope ({@code allow=Outer#run}, {@code deny=Outer#callback}): the
 * innermost matching frame decides, as with BlockHound's {@code disallowBlockingCallsInside}.
 */
class DenyIT {

    static final String OUTER = DenyTarget.Outer.class.getName();

    @Test
    void aCallbackDeniedInsideAnAllowedMethodIsFoundAgain() {
        RunResult run = AgentProcess.of(DenyTarget.class)
                .options("allow=" + OUTER + "#run", "deny=" + OUTER + "#callback").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true").containsEntry("failure", "null");
        List<CallSite> callback = run.sitesIn(DenyTarget.class, "sleepInCallback");
        assertThat(callback).as(run.describe()).singleElement().satisfies(site -> {
            assertThat(site.category()).isEqualTo("sleep");
            assertThat(site.stack()).anySatisfy(f -> assertThat(f.methodName()).isEqualTo("callback"));
        });
        assertThat(run.sitesIn(DenyTarget.class, "plainSleep")).as(run.describe()).hasSize(1);
        assertThat(run.sites()).as("the sleep of Outer#run itself stays allowed\n%s", run.describe()).hasSize(2);
    }

    @Test
    void withoutDenyTheWholeAllowedMethodIsAllowed() {
        RunResult run = AgentProcess.of(DenyTarget.class).option("allow=" + OUTER + "#run").name("DenyNone").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.sitesIn(DenyTarget.class, "sleepInCallback")).as(run.describe()).isEmpty();
        assertThat(run.sites()).as(run.describe()).hasSize(1);
    }

    @Test
    void aMalformedDenyStopsTheJvmWithOneLine() {
        RunResult run = AgentProcess.of(DenyTarget.class).option("deny=" + OUTER + "#").name("DenyBad").run();
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("[loopguard] invalid value '" + OUTER + "#' for option 'deny' (agent argument)");
    }
}
