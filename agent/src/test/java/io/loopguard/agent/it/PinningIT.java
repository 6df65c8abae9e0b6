package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.PinningTarget;
import io.loopguard.format.CallSite;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pinning} from JFR's {@code jdk.VirtualThreadPinned} on the JDK under test (CI: 17 and 25). On 17 there are
 * no virtual threads and nothing to record. On 25: a registered virtual thread pinned in a class initializer (which
 * still pins after JEP 491) is one {@code pinning} site with the initializer in its stack and the reason in
 * {@code detail}; an unregistered one is nothing, unless {@code pinning=all}; {@code synchronized} no longer pins.
 */
class PinningIT {
    static RunResult registeredOnly;
    static RunResult everyVirtualThread;

    @BeforeAll
    static void runTarget() {
        registeredOnly = AgentProcess.of(PinningTarget.class).name("registered").run();
        everyVirtualThread = AgentProcess.of(PinningTarget.class).name("all").option("pinning=all").run();
    }

    static boolean virtualThreads(RunResult run) {
        return "true".equals(run.facts().get("virtualThreads"));
    }

    @Test
    void targetRunsNormallyUnderTheAgent() {
        for (RunResult run : List.of(registeredOnly, everyVirtualThread)) {
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).as("nothing on stdout").isEmpty();
            assertThat(run.facts()).containsKey("virtualThreads");
            if (virtualThreads(run)) {
                assertThat(run.facts()).as(run.describe()).containsEntry("scenarios.done", "true");
            }
        }
    }

    @Test
    void aRegisteredVirtualThreadPinnedInAClassInitializerIsPinning() {
        if (!virtualThreads(registeredOnly)) {
            assertThat(pinning(registeredOnly)).as("JDK 17: no virtual threads, no pinning").isEmpty();
            return;
        }
        List<CallSite> sites = pinning(registeredOnly);
        assertThat(sites).as(registeredOnly.describe()).hasSize(1);
        CallSite site = sites.get(0);
        assertThat(site.threads()).containsExactly("vt-registered-classInit");
        assertThat(site.blockingMethod()).isEqualTo("java.lang.Thread.sleep");
        assertThat(site.detail()).contains("pinned").contains("SlowInit.<clinit>");
        assertThat(site.minNanos()).isGreaterThanOrEqualTo(58_000_000L);
        assertThat(RunResult.hasFrame(site, PinningTarget.SlowInit.class, "<clinit>")).isTrue();
        assertThat(RunResult.hasFrame(site, PinningTarget.class, "pinnedInClassInit")).isTrue();
    }

    @Test
    void synchronizedNoLongerPinsAndUnregisteredThreadsAreNotWatchedByDefault() {
        assertThat(registeredOnly.sitesWhere(s -> s.category().equals("pinning")
                && !s.threads().equals(List.of("vt-registered-classInit")))).isEmpty();
    }

    @Test
    void pinningAllWatchesEveryVirtualThread() {
        if (!virtualThreads(everyVirtualThread)) {
            assertThat(pinning(everyVirtualThread)).isEmpty();
            return;
        }
        assertThat(pinning(everyVirtualThread)).as(everyVirtualThread.describe())
                .extracting(s -> s.threads().get(0))
                .containsExactlyInAnyOrder("vt-registered-classInit", "vt-plain-classInit");
    }

    static List<CallSite> pinning(RunResult run) {
        return run.sitesWhere(s -> s.category().equals("pinning"));
    }
}
