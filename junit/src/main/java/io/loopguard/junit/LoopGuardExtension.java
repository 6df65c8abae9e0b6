package io.loopguard.junit;

import io.loopguard.LoopGuard;
import io.loopguard.RecordedCallSite;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Fails the test during which a blocking call was recorded on an event-loop thread: {@code beforeEach} takes a
 * snapshot of the agent's call sites, {@code afterEach} compares (by call-site id and count) and fails with the new
 * ones. The window spans the {@code @BeforeEach} and {@code @AfterEach} methods too: setup that blocks a loop is just as
 * wrong. The agent records on the loop thread itself, so a call is in the snapshot once the test has seen its effect.
 *
 * <p>Calls are attributed by time, not by test: with parallel test execution a call can be blamed on a neighbour.
 * Without the agent ({@link LoopGuard#isActive()} false) a checked test fails with the snippet that attaches it: a
 * guard that is not there must never pass silently (with {@code -Dloopguard.skip=true} such a test is reported as
 * skipped instead). Use it through {@link NoBlockingCalls}, or
 * {@code @ExtendWith(LoopGuardExtension.class)}.
 */
public final class LoopGuardExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoopGuardExtension.class);
    private static final String BEFORE = "before";
    private static final String DROPPED_BEFORE = "droppedBefore";
    private static volatile boolean agentReady;

    private final BooleanSupplier active;
    private final Supplier<List<RecordedCallSite>> sitesNow;
    private final Supplier<List<RecordedCallSite>> sitesWithLateEvents;
    private final LongSupplier dropped;

    /**
     * The extension over the agent of this JVM. Contended monitors and pinned virtual threads reach the agent through
     * JFR up to about a second late: {@code afterEach} waits for them (so a test sees its own), {@code beforeEach}
     * does not (the previous checked test's wait already brought everything before it in). That wait costs up to
     * about a second per checked test while the agent's JFR stream runs; agent option {@code jfr=false} turns it off.
     */
    public LoopGuardExtension() {
        this(LoopGuard::isActive, () -> LoopGuard.recordedCallSites(false), LoopGuard::recordedCallSites,
                LoopGuard::droppedCalls);
    }

    /** For tests: another source of the agent's state. */
    LoopGuardExtension(BooleanSupplier active, Supplier<List<RecordedCallSite>> sites) {
        this(active, sites, sites, () -> 0);
    }

    /** For tests: another source of the agent's state, dropped calls included. */
    LoopGuardExtension(BooleanSupplier active, Supplier<List<RecordedCallSite>> sites, LongSupplier dropped) {
        this(active, sites, sites, dropped);
    }

    private LoopGuardExtension(BooleanSupplier active, Supplier<List<RecordedCallSite>> sitesNow,
                               Supplier<List<RecordedCallSite>> sitesWithLateEvents, LongSupplier dropped) {
        this.active = active;
        this.sitesNow = sitesNow;
        this.sitesWithLateEvents = sitesWithLateEvents;
        this.dropped = dropped;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<AllowBlocking> allowed = allowBlocking(context);
        if (allowed.isPresent()) {
            if (allowed.get().reason().isBlank()) {
                throw new ExtensionConfigurationException("@AllowBlocking on " + context.getDisplayName()
                        + " needs a reason: @AllowBlocking(reason = \"why blocking is fine here\")");
            }
            return; // exempt: no snapshot, afterEach checks nothing
        }
        if (!active.getAsBoolean()) {
            if (Boolean.getBoolean("loopguard.skip")) {
                // mvn -Dloopguard.skip=true (Surefire forwards it): shown as skipped, never as a silent pass.
                throw new TestAbortedException("loopguard.skip=true: the agent is not attached, blocking calls are "
                        + "not checked [loopguard]");
            }
            throw new AssertionFailedError(AttachMessage.text(describe(context)));
        }
        awaitAgentReady();
        context.getStore(NAMESPACE).put(DROPPED_BEFORE, dropped.getAsLong());
        context.getStore(NAMESPACE).put(BEFORE, CallSiteDiff.snapshot(sitesNow.get()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Map<String, long[]> before = context.getStore(NAMESPACE).remove(BEFORE, Map.class);
        if (before == null) {
            return;
        }
        List<CallSiteDiff.Change> changes = CallSiteDiff.changes(before, sitesWithLateEvents.get());
        Long droppedBefore = context.getStore(NAMESPACE).remove(DROPPED_BEFORE, Long.class);
        long droppedNow = droppedBefore == null ? 0 : dropped.getAsLong() - droppedBefore;
        // Calls the agent could not record (its maxSites bound was reached) may be blocking calls of this test:
        // the verdict would be a guess, so the test fails and says why, as the check goal does.
        String incomplete = droppedNow <= 0 ? null : droppedNow + (droppedNow == 1 ? " call" : " calls")
                + " on event-loop threads could not be recorded during " + describe(context)
                + " because the agent's bound on distinct call sites (maxSites) was reached: the data is incomplete, "
                + "so this test cannot be shown to be free of blocking calls. Raise it with -Dloopguard.maxSites=N "
                + "(or the agent option maxSites=N). [loopguard]";
        if (!changes.isEmpty()) {
            String message = CallSiteDiff.message(describe(context), changes);
            throw new AssertionFailedError(incomplete == null ? message : message + "\n\n" + incomplete);
        }
        if (incomplete != null) {
            throw new AssertionFailedError(incomplete);
        }
    }

    /** The nearest {@code @AllowBlocking}: on the method, its class, or an enclosing class. */
    private static Optional<AllowBlocking> allowBlocking(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<AnnotatedElement> element = c.get().getElement();
            if (element.isPresent()) {
                Optional<AllowBlocking> found = AnnotationSupport.findAnnotation(element.get(), AllowBlocking.class);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(ExtensionContext context) {
        return context.getTestClass().map(Class::getSimpleName).orElse("?") + "."
                + context.getTestMethod().map(m -> m.getName() + "()").orElse(context.getDisplayName());
    }

    /**
     * The agent weaves the JDK in the background after start-up; a call made before that is not recorded.
     * Registering a thread waits until the weaving is done, so registering (and at once unregistering) a thread that
     * never runs is the wait — once per JVM (with the JFR stream's start, about a second more).
     */
    private static void awaitAgentReady() {
        if (!agentReady) {
            Thread probe = new Thread(() -> { }, "loopguard-junit-probe");
            LoopGuard.register(probe);
            LoopGuard.unregister(probe);
            // That first registration starts the agent's JFR stream (contended monitors, pins); waiting for late
            // events once waits until it runs, so the first test's own are not missed.
            LoopGuard.recordedCallSites();
            agentReady = true;
        }
    }
}
