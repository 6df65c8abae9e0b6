package io.loopguard.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.loopguard.LoopGuard;
import io.loopguard.junit.fixtures.AllowedFixture;
import io.loopguard.junit.fixtures.BlockingFixture;
import io.loopguard.junit.fixtures.MonitorFixture;
import io.loopguard.junit.fixtures.NoAgentMain;
import io.loopguard.junit.fixtures.StallFixture;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** Runs the fixture classes through the JUnit Platform, in this JVM (under the agent the build attaches). */
class LoopGuardExtensionTest {

    @Test
    void theBuildAttachesTheAgent() {
        // Canary: every other test here means nothing without it.
        assertThat(LoopGuard.isActive()).as("loopguard agent attached by prepare-agent").isTrue();
    }

    @Test
    void aTestThatBlocksARegisteredThreadFailsWithTheStack() {
        Events tests = run(selectMethod(BlockingFixture.class, "sleepsOnTheLoop"));
        tests.assertThatEvents().haveExactly(1, event(test("sleepsOnTheLoop"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.startsWith("1 blocking call site recorded on event-loop threads during "
                        + "BlockingFixture.sleepsOnTheLoop() [loopguard]")
                        && m.contains("blocking sleep call java.lang.Thread.sleep on fixture-loop-sleep: 1 call, ")
                        && m.contains("\tat io.loopguard.junit.fixtures.BlockingFixture.lambda$sleepsOnTheLoop$0(BlockingFixture.java:12)")
                        && m.contains("@AllowBlocking(reason = ")))));
    }

    /** JFR delivers the event after the test body returned: the verdict waits for it (the stream catches up). */
    @Test
    void aContendedMonitorOnARegisteredThreadFailsItsOwnTest() {
        Events tests = run(selectMethod(MonitorFixture.class, "waitsForAMonitorOnTheLoop"));
        tests.assertThatEvents().haveExactly(1, event(test("waitsForAMonitorOnTheLoop"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.contains("blocking monitor call")
                        && m.contains("on fixture-loop-monitor")
                        && m.contains("MonitorFixture")))));
    }

    /** The watchdog records a stall once the loop's busy stretch is over, after the body: the verdict waits for it. */
    @Test
    void aStallOnARegisteredThreadFailsItsOwnTest() {
        Events tests = run(selectMethod(StallFixture.class, "hogsTheLoop"));
        tests.assertThatEvents().haveExactly(1, event(test("hogsTheLoop"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.startsWith("1 blocking call site recorded on event-loop threads during "
                        + "StallFixture.hogsTheLoop() [loopguard]")
                        && m.contains("\n\nstall in ")
                        && m.contains(" on fixture-loop-stall: 1 call, ")
                        && m.contains("\tat io.loopguard.junit.fixtures.StallFixture.spin(StallFixture.java:")))));
    }

    @Test
    void callsDroppedDuringATestFailItAndSaySo() {
        Events tests = run(selectMethod(DroppedCallsFixture.class, "dropsCalls"));
        tests.assertThatEvents().haveExactly(1, event(test("dropsCalls"), finishedWithFailure(
                instanceOf(AssertionFailedError.class),
                message(m -> m.startsWith("3 calls on event-loop threads could not be recorded during "
                        + "DroppedCallsFixture.dropsCalls() because the agent's bound on distinct call sites "
                        + "(maxSites) was reached: the data is incomplete")
                        && m.contains("-Dloopguard.maxSites=N") && m.endsWith("[loopguard]")))));
        run(selectMethod(DroppedCallsFixture.class, "dropsNothing"))
                .assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
        assertThat(LoopGuard.droppedCalls()).as("the real agent, far below its bound").isZero();
    }

    @Test
    void aCleanTestPasses() {
        run(selectMethod(BlockingFixture.class, "computesOnTheLoop"))
                .assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void aCallSiteAlreadySeenFailsAgainWhenCalledAgain() {
        run(selectMethod(BlockingFixture.class, "sleepsOnTheLoop")).assertStatistics(stats -> stats.failed(1));
        run(selectMethod(BlockingFixture.class, "sleepsOnTheLoop")).assertStatistics(stats -> stats.failed(1));
    }

    @Test
    void allowBlockingWithAReasonPassesAndABlankReasonIsAnError() {
        Events tests = run(selectClass(AllowedFixture.class));
        tests.assertThatEvents()
                .haveExactly(1, event(test("allowedWithReason"), finishedSuccessfully()))
                .haveExactly(1, event(test("allowedWithoutReason"), finishedWithFailure(
                        instanceOf(ExtensionConfigurationException.class), message(m -> m.contains("needs a reason")))));
    }

    @Test
    void withoutTheAgentACheckedTestFailsAndSaysHowToAttachIt() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                NoAgentMain.class.getName()).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output)
                .contains("agent active: false")
                .contains("succeeded: 0, failed: 1")
                .contains("The loopguard agent is not attached to this JVM, so BlockingFixture.computesOnTheLoop()")
                .contains("<artifactId>loopguard-maven-plugin</artifactId>")
                .contains("<version>" + AttachMessage.version() + "</version>")
                .contains("<goal>prepare-agent</goal>")
                .contains("-javaagent:/path/to/loopguard-agent.jar");
    }

    @Test
    void theDecisionWithAnInactiveAgentIsAFailureNeverAPass() {
        run(selectClass(InactiveAgentFixture.class)).assertThatEvents().haveExactly(1, event(test("clean"),
                finishedWithFailure(message(m -> m.contains("agent is not attached")))));
    }

    @Test
    void withLoopGuardSkipTheCheckedTestIsSkippedNotPassed() {
        System.setProperty("loopguard.skip", "true");
        try {
            run(selectClass(InactiveAgentFixture.class)).assertThatEvents().haveExactly(1, event(test("clean"),
                    abortedWithReason(message(m -> m.startsWith("loopguard.skip=true: the agent is not attached")))));
        } finally {
            System.clearProperty("loopguard.skip");
        }
    }

    private static Events run(org.junit.platform.engine.DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter").selectors(selector).execute().testEvents();
    }
}
