package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.RegistrationTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registration by thread-name globs ({@code threads=my-loop-*:solo-?}) and by the {@code LoopGuard} API. */
class RegistrationIT {
    static RunResult run;

    @BeforeAll
    static void runTarget() {
        run = AgentProcess.of(RegistrationTarget.class).option("threads=my-loop-*:solo-?").run();
    }

    @Test
    void apiReportsTheAgentAsActive() {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("isActive")).isEqualTo("true");
    }

    @Test
    void threadNameGlobsRegisterMatchingThreadsOnly() {
        List<String> threads = run.sitesIn(RegistrationTarget.class, "globbedSleep").stream()
                .flatMap(s -> s.threads().stream()).sorted().collect(Collectors.toList());
        assertThat(threads).as("threads with a recorded globbedSleep\n%s", run.describe())
                .containsExactly("my-loop-1", "solo-a");
        assertThat(run.fact("isRegistered.my-loop-1")).as("isRegistered answers for glob matches").isEqualTo("true");
        assertThat(run.fact("isRegistered.solo-a")).isEqualTo("true");
        assertThat(run.fact("isRegistered.solo-ab")).isEqualTo("false");
        assertThat(run.fact("isRegistered.other-loop-1")).isEqualTo("false");
        CallSite site = run.sitesIn(RegistrationTarget.class, "globbedSleep").get(0);
        assertThat(site.category()).isEqualTo("sleep");
        assertThat(site.minNanos()).isGreaterThanOrEqualTo(19_600_000L);
    }

    @Test
    void registerAndUnregisterThroughTheApi() {
        assertThat(run.fact("api.failure")).isEqualTo("null");
        assertThat(run.fact("api.before")).isEqualTo("false");
        assertThat(run.fact("api.afterRegister")).isEqualTo("true");
        assertThat(run.fact("api.afterUnregister")).isEqualTo("false");
        List<CallSite> registered = run.sitesIn(RegistrationTarget.class, "registeredSleep");
        assertThat(registered).as("sleep while registered\n%s", run.describe()).hasSize(1);
        assertThat(registered.get(0).threads()).containsExactly("api-thread");
        assertThat(registered.get(0).blockingMethod()).isEqualTo("java.lang.Thread.sleep");
        assertThat(run.sitesIn(RegistrationTarget.class, "unregisteredSleep"))
                .as("sleep after unregister is not recorded").isEmpty();
    }
}
