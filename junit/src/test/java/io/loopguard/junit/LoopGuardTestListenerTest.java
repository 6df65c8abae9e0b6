package io.loopguard.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.loopguard.LoopGuard;
import io.loopguard.RecordedCallSite;
import io.loopguard.junit.fixtures.AttributionFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The listener, loaded by the real launcher from {@code META-INF/services} as in any user's build, names the test
 * during which each call occurred; work a test leaves running is named as after that test.
 */
class LoopGuardTestListenerTest {
    private static final String FIXTURE = AttributionFixture.class.getName();

    @Test
    void eachCallSiteNamesTheTestsDuringWhichItOccurred() throws Exception {
        assertThat(LoopGuard.isActive()).as("loopguard agent attached by prepare-agent").isTrue();
        Launcher launcher = LauncherFactory.create(); // loads TestExecutionListeners from META-INF/services
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(AttributionFixture.class))
                .build(), summary);
        assertThat(summary.getSummary().getTestsSucceededCount()).isEqualTo(3);

        // The third test left a loop thread parked; it sleeps only now, after that test finished.
        AttributionFixture.LEFT_RUNNING_GO.countDown();
        AttributionFixture.leftRunning.join(TimeUnit.SECONDS.toMillis(60));

        RecordedCallSite during = site("fixture-loop-attribution");
        assertThat(during.tests()).contains(FIXTURE + "#sleepsOnTheLoop()")
                .noneMatch(t -> t.contains("computesOnTheLoop") || t.contains("leavesWorkRunningOnTheLoop"));

        // Surefire runs this very test through a launcher too, which loaded the listener as well: when it did, this test
        // is still running and the late call is named after it; otherwise nothing runs and the call is named as after
        // the fixture's last test. Either way, never as during a fixture test that had finished.
        RecordedCallSite after = site("fixture-loop-attribution-left-running");
        String outer = LoopGuardTestListenerTest.class.getName() + "#eachCallSiteNamesTheTestsDuringWhichItOccurred()";
        assertThat(after.tests()).containsAnyOf(outer, FIXTURE + "#leavesWorkRunningOnTheLoop() (after it finished)")
                .doesNotContain(FIXTURE + "#leavesWorkRunningOnTheLoop()", FIXTURE + "#sleepsOnTheLoop()");
    }

    private static RecordedCallSite site(String thread) {
        List<RecordedCallSite> sites = LoopGuard.recordedCallSites(false);
        return sites.stream().filter(s -> s.threads().contains(thread)).findFirst()
                .orElseThrow(() -> new AssertionError("no call site on " + thread + " in " + sites));
    }
}
