package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.ByteBuddyTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An application that carries its own, older Byte Buddy (1.12.19) keeps working, and the agent still detects. */
class ByteBuddyCoexistenceIT {

    @Test
    void applicationByteBuddyWorksAndThePlantedSleepIsDetected() {
        RunResult run = AgentProcess.of(ByteBuddyTarget.class).verifyAll().run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("generated")).as("the app's Byte Buddy generated and loaded a class").isEqualTo("generated");
        assertThat(run.fact("failure")).isEqualTo("null");
        List<CallSite> planted = run.sitesIn(ByteBuddyTarget.class, "plantedSleep");
        assertThat(planted).as(run.describe()).hasSize(1);
        assertThat(planted.get(0).category()).isEqualTo("sleep");
        assertThat(planted.get(0).threads()).containsExactly("bb-loop");
        assertThat(planted.get(0).minNanos()).isGreaterThanOrEqualTo(29_400_000L);
        assertThat(run.sites()).as("nothing else").hasSize(1);
    }
}
