package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.LoopTimeTarget;
import io.loopguard.format.BlockedStretch;
import io.loopguard.format.CallSite;
import io.loopguard.format.LoopTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data file's {@code loops}: per registered thread, the time registered, busy, blocked by category and stalled,
 * consistent with the call sites recorded on it.
 */
class LoopTimeIT {
    private static final long MS = 1_000_000L;

    @Test
    void plainRegisteredThreadIsBusyAllAlongWithItsSleepAndStall() {
        RunResult run = run("");
        LoopTime plain = loop(run, "plain-loop");
        // 200 ms asleep + 300 ms of CPU, less up to one look (every 10 ms at the default stall limit)
        assertThat(plain.registeredNanos()).as(run.describe()).isGreaterThanOrEqualTo(500 * MS - 20 * MS);
        assertThat(plain.busyNanos()).as("busy from registration to the end: it has no idle wait")
                .isGreaterThanOrEqualTo(plain.registeredNanos() * 9 / 10);
        assertThat(plain.blockedNanos()).containsOnlyKeys("sleep");
        assertThat(plain.blockedNanos().get("sleep")).isGreaterThanOrEqualTo(200 * MS)
                .isEqualTo(totalOn(run, "sleep", "plain-loop"));
        assertThat(plain.stallNanos()).isGreaterThanOrEqualTo(250 * MS).isEqualTo(totalOn(run, "stall", "plain-loop"));
        assertThat(plain.registeredAt()).isBetween(run.data().jvm().startedAt(), run.data().jvm().endedAt());

        // its longest stretches: the stall, then the sleep, each naming its call site, in the order they happened
        CallSite sleep = onlySite(run, "sleep", "plain-loop");
        CallSite stall = onlySite(run, "stall", "plain-loop");
        assertThat(plain.longest()).as(run.describe()).extracting(BlockedStretch::category)
                .containsExactly("stall", "sleep");
        BlockedStretch stallStretch = plain.longest().get(0);
        BlockedStretch sleepStretch = plain.longest().get(1);
        assertThat(stallStretch.site()).isEqualTo(stall.id());
        assertThat(stallStretch.nanos()).isEqualTo(stall.maxNanos());
        assertThat(sleepStretch.site()).isEqualTo(sleep.id());
        assertThat(sleepStretch.nanos()).isEqualTo(sleep.maxNanos());
        assertThat(sleepStretch.start()).isAfterOrEqualTo(plain.registeredAt().minusMillis(2))
                .isBefore(stallStretch.start());
        assertThat(Duration.between(sleepStretch.start(), stallStretch.start()).toNanos())
                .as("the stall starts after the sleep ended (millisecond starts)")
                .isGreaterThanOrEqualTo(sleep.maxNanos() - 2 * MS);
        assertThat(stallStretch.start()).isBefore(run.data().jvm().endedAt());
    }

    @Test
    void everySiteCarriesAHistogramOfItsCalls() {
        RunResult run = run("");
        assertThat(run.sites()).as(run.describe()).isNotEmpty().allSatisfy(site -> {
            assertThat(site.histogram()).as(site.id()).isNotNull();
            assertThat(site.histogram().count()).as(site.id()).isEqualTo(site.count());
            assertThat(site.percentileNanos(0.5)).isBetween(site.minNanos(), site.maxNanos());
            assertThat(site.percentileNanos(0.99)).isBetween(site.percentileNanos(0.5), site.maxNanos());
        });
    }

    @Test
    void idleVertxLoopIsMostlyIdleAndItsBusyTimeHoldsTheSleep() {
        RunResult run = run("");
        CallSite sleep = run.sitesIn(LoopTimeTarget.class, "sleepOnLoop").get(0);
        String thread = sleep.threads().get(0);
        LoopTime loop = loop(run, thread);
        assertThat(loop.registeredNanos()).as(run.describe()).isGreaterThanOrEqualTo(1_500 * MS);
        assertThat(loop.blockedNanos().get("sleep")).isEqualTo(sleep.totalNanos()).isGreaterThanOrEqualTo(100 * MS);
        assertThat(loop.busyNanos()).as("busy includes the sleep").isGreaterThanOrEqualTo(sleep.totalNanos());
        assertThat(loop.busyNanos()).as("an idle loop is mostly idle\n%s", loop).isLessThan(loop.registeredNanos() / 2);
        assertThat(loop.stallNanos()).isZero();
        assertThat(loop.longest()).as("the one sleep is the loop's longest block")
                .containsExactly(new BlockedStretch("sleep", sleep.id(), loop.longest().get(0).start(), sleep.maxNanos()));
        assertThat(loop.longest().get(0).start()).isAfter(loop.registeredAt());
        // "first-loop" ended at once, before the watchdog's first look: a loop gone within a tick may be missing
        assertThat(run.data().loops()).as("the plain loop and the Vert.x loops")
                .extracting(LoopTime::thread).contains("plain-loop", thread, "vert.x-acceptor-thread-0");
    }

    @Test
    void stallsOffStillKeepTheLoopTime() {
        RunResult run = run("stall=0");
        LoopTime plain = loop(run, "plain-loop");
        assertThat(plain.stallNanos()).isZero();
        // 200 ms asleep + 300 ms of CPU, less up to one look (every 50 ms with stall=0): a thread that unregisters
        // counts up to the watchdog's last look at it (README, loops)
        assertThat(plain.busyNanos()).as(run.describe()).isGreaterThanOrEqualTo(500 * MS - 60 * MS);
        assertThat(plain.blockedNanos().get("sleep")).isGreaterThanOrEqualTo(200 * MS);
    }

    private static RunResult run(String option) {
        AgentProcess process = AgentProcess.of(LoopTimeTarget.class).name("LoopTime");
        if (!option.isEmpty()) {
            process.option(option);
        }
        RunResult run = process.run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true")
                .containsEntry("plain.failure", "null").containsEntry("client.failure", "null");
        return run;
    }

    private static LoopTime loop(RunResult run, String thread) {
        List<LoopTime> loops = run.data().loops().stream().filter(l -> l.thread().equals(thread)).toList();
        assertThat(loops).as("loop %s in %s\n%s", thread, run.data().loops(), run.describe()).hasSize(1);
        return loops.get(0);
    }

    private static CallSite onlySite(RunResult run, String category, String thread) {
        List<CallSite> sites = run.sitesWhere(s -> s.category().equals(category) && s.threads().contains(thread));
        assertThat(sites).as("%s on %s\n%s", category, thread, run.describe()).hasSize(1);
        return sites.get(0);
    }

    /** Time of the call sites of {@code category} on {@code thread} alone. */
    private static long totalOn(RunResult run, String category, String thread) {
        long sum = 0;
        for (CallSite site : run.sitesWhere(s -> s.category().equals(category) && s.threads().contains(thread))) {
            assertThat(site.threads()).containsExactly(thread);
            sum += site.totalNanos();
        }
        return sum;
    }
}
