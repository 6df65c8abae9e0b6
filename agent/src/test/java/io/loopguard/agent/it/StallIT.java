package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.StallTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stalls, at the default limit (100 ms): a password hash (jBCrypt) in a real Vert.x handler is one {@code stall} on
 * the loop thread, the library's frames on top and the handler below, at least as long as the hash; the same server
 * cold-started and serving a few hundred fast requests, or left idle, has none; a thread registered through the API
 * that spins for 300 ms of CPU is one stall.
 */
class StallIT {

    @Test
    void passwordHashInVertxHandlerIsOneStallOnTheLoop() {
        RunResult run = AgentProcess.of(StallTarget.class).args("hog").name("StallHog").run();
        assertRan(run);
        List<CallSite> stalls = stalls(run);
        assertThat(stalls).as(run.describe()).hasSize(1);
        CallSite stall = stalls.get(0);
        assertThat(stall.threads()).as(run.describe()).allSatisfy(t -> assertThat(t).startsWith("vert.x-eventloop-thread-"));
        assertThat(stall.stack().get(0).className()).as("the library's frame on top\n%s", run.describe())
                .startsWith("org.mindrot.jbcrypt.");
        assertThat(stall.blockingMethod()).startsWith("org.mindrot.jbcrypt.BCrypt.");
        assertThat(stall.stack()).as("the handler's frame below").anySatisfy(f -> {
            assertThat(f.className()).isEqualTo(StallTarget.class.getName());
            assertThat(f.methodName()).isEqualTo("hashOnLoop");
        });
        long hog = Long.parseLong(run.fact("hogNanos"));
        assertThat(hog).as("the hash really ran past the limit").isGreaterThan(100_000_000L);
        assertThat(stall.count()).isEqualTo(1);
        assertThat(stall.maxNanos()).as("the stall lasts at least the hash").isGreaterThanOrEqualTo(hog);
        assertThat(run.sitesWhere(s -> !s.category().equals("stall"))).as(run.describe()).isEmpty();
    }

    @Test
    void coldServerServingFastRequestsHasNoStall() {
        RunResult run = AgentProcess.of(StallTarget.class).args("fast").name("StallFast").run();
        assertRan(run);
        assertThat(run.sites()).as(run.describe()).isEmpty();
    }

    @Test
    void idleLoopsHaveNoStall() {
        RunResult run = AgentProcess.of(StallTarget.class).args("idle").name("StallIdle").run();
        assertRan(run);
        assertThat(run.sites()).as(run.describe()).isEmpty();
    }

    @Test
    void registeredThreadSpinningIsOneStall() {
        RunResult run = AgentProcess.of(StallTarget.class).args("spin").name("StallSpin").run();
        assertRan(run);
        assertThat(run.fact("spin.failure")).isEqualTo("null");
        List<CallSite> stalls = stalls(run);
        assertThat(stalls).as(run.describe()).hasSize(1);
        CallSite stall = stalls.get(0);
        assertThat(stall.threads()).containsExactly("spinner");
        assertThat(stall.count()).isEqualTo(1);
        assertThat(stall.stack()).anySatisfy(f -> assertThat(f.methodName()).isEqualTo("spin"));
        assertThat(stall.maxNanos()).as(run.describe()).isGreaterThanOrEqualTo(250_000_000L);
    }

    @Test
    void stallZeroTurnsItOff() {
        RunResult run = AgentProcess.of(StallTarget.class).args("spin").option("stall=0").name("StallOff").run();
        assertRan(run);
        assertThat(run.sites()).as(run.describe()).isEmpty();
    }

    private static List<CallSite> stalls(RunResult run) {
        return run.sitesWhere(s -> s.category().equals("stall"));
    }

    private static void assertRan(RunResult run) {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true");
        String traffic = run.facts().get("traffic");
        assertThat(traffic == null ? "" : traffic).as("client traffic").doesNotContain("Exception");
    }
}
