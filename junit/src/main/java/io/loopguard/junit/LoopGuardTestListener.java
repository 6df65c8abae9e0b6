package io.loopguard.junit;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import io.loopguard.LoopGuard;

/**
 * Tells the agent which test is running, so each recorded call site names the tests during which it occurred (the
 * data file's {@code tests}; {@code check}, SARIF, JUnit XML and the HTML report show them). Zero configuration: the
 * JUnit Platform loads it through {@code META-INF/services} whenever {@code loopguard-junit} is on the test class
 * path, for every engine (Jupiter, Vintage, ...), with or without {@code @NoBlockingCalls}.
 *
 * <p>Only tests are reported, not containers: a call made in a {@code @BeforeAll} is attributed to the test that ran
 * before it (see the agent's attribution rules in the README). Without the agent it does nothing.
 */
public final class LoopGuardTestListener implements TestExecutionListener {

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest() && LoopGuard.isActive()) {
            LoopGuard.testStarted(name(test));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && LoopGuard.isActive()) {
            LoopGuard.testFinished(name(test));
        }
    }

    /**
     * {@code Class#method()} as JUnit's reports name a test method ({@code readsUser()}, a parameterised invocation
     * {@code readsUser(int)[2]}); the display name for tests without a method (dynamic tests of other engines).
     */
    static String name(TestIdentifier test) {
        TestSource source = test.getSource().orElse(null);
        if (source instanceof MethodSource) {
            return ((MethodSource) source).getClassName() + "#" + test.getLegacyReportingName();
        }
        return test.getDisplayName();
    }
}
