package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.RepeatedSitesTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The repeated-site path keeps every call on its own call site: a call instruction reached from two callers is two
 * sites, calls interleave call by call across sites of one blocking method and of another, a full GC clears the
 * recorder's weakly held last backtraces halfway, and a second loop thread repeats the same stacks. Every count is
 * exact, with the defaults and with the production profile.
 */
class RepeatedSitesIT {

    @ParameterizedTest
    @ValueSource(strings = {"threshold=0", "profile=production,threshold=0"})
    void everyCallCountsOnItsOwnStack(String options) {
        RunResult run = AgentProcess.of(RepeatedSitesTarget.class).name("RepeatedSites")
                .options(options.split(",")).run();
        assertThat(run.fact("failure")).as(run.describe()).isEqualTo("null");
        assertThat(run.fact("failure2")).as(run.describe()).isEqualTo("null");
        int calls = RepeatedSitesTarget.CALLS;
        assertThat(count(run, "viaA")).as(run.describe()).isEqualTo(calls);
        assertThat(count(run, "viaB")).as(run.describe()).isEqualTo((calls + 2) / 3);
        assertThat(count(run, "sizeD")).as(run.describe()).isEqualTo(calls / 2);
        assertThat(count(run, "directC")).as(run.describe()).isEqualTo((calls + 6) / 7);
        List<CallSite> sites = run.sitesWhere(site -> RunResult.hasFrame(site, RepeatedSitesTarget.class, "rounds"));
        assertThat(sites).as(run.describe()).hasSize(4);
        for (CallSite site : sites) {
            assertThat(site.threads()).as(run.describe()).containsExactlyInAnyOrder("repeat-loop-1", "repeat-loop-2");
        }
    }

    private static long count(RunResult run, String method) {
        List<CallSite> sites = run.sitesIn(RepeatedSitesTarget.class, method);
        assertThat(sites).as("one call site through %s\n%s", method, run.describe()).hasSize(1);
        return sites.get(0).count();
    }
}
