package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.VertxTarget;
import org.junit.jupiter.api.Test;

/**
 * {@code profile=production} on a real Vert.x server: the planted 30 ms sleep is recorded (above the profile's 1 ms
 * threshold), no HTML is written at exit; an option given explicitly beats the profile, whatever its layer.
 */
class ProductionProfileIT {

    @Test
    void productionRecordsWithoutHtml() {
        RunResult run = AgentProcess.of(VertxTarget.class).name("VertxProduction").option("profile=production").run();
        AutodetectIT.assertRan(run);
        AutodetectIT.assertOnlyPlantedSleep(run, VertxTarget.class, "vert.x-eventloop-thread-");
        assertThat(run.outDir().resolve("index.html")).as(run.describe()).doesNotExist();
    }

    @Test
    void anExplicitOptionBeatsTheProfileFromTheEnvironment() {
        RunResult run = AgentProcess.of(VertxTarget.class).name("VertxProductionHtml").option("report=html")
                .env("LOOPGUARD_PROFILE", "production").run();
        AutodetectIT.assertRan(run);
        assertThat(run.sitesIn(VertxTarget.class, "plantedSleep")).as(run.describe()).hasSize(1);
        assertThat(run.outDir().resolve("index.html")).as(run.describe()).isRegularFile();
    }
}
