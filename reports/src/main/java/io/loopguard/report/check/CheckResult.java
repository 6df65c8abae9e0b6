package io.loopguard.report.check;

import java.util.List;

/**
 * The outcome of {@link Checker#check}: a verdict per call site (report order), the baseline entries no longer
 * seen, and what is wrong with the data itself.
 *
 * @param rules    the rules applied
 * @param verdicts one per call site
 * @param fixed    baseline entries whose call site was not seen (fixed, or not exercised by this run)
 * @param problems what makes the data itself untrustworthy (an agent that failed to start, calls dropped at the
 *                 call-site bound); a {@link Problem#fails() failing} one fails the check whatever the call sites say
 */
public record CheckResult(Rules rules, List<SiteVerdict> verdicts, List<Baseline.Entry> fixed,
                          List<Problem> problems) {

    /**
     * Something wrong with the data rather than with a call site.
     *
     * @param message one line, e.g. {@code loopguard-42.json (pid 42): 17 calls of further call sites were dropped
     *                (maxSites=100); the data is incomplete}
     * @param fails   false when the rules allow it (dropped calls under {@link Rules#allowDropped()}): then it is
     *                only a warning
     * @param kind    {@link #AGENT_ERROR} or {@link #DROPPED_CALLS}
     */
    public record Problem(String kind, String message, boolean fails) {
        public static final String AGENT_ERROR = "agent-error";
        public static final String DROPPED_CALLS = "dropped-calls";
    }

    public CheckResult {
        verdicts = List.copyOf(verdicts);
        fixed = List.copyOf(fixed);
        problems = List.copyOf(problems);
    }

    /** A result without data problems. */
    public CheckResult(Rules rules, List<SiteVerdict> verdicts, List<Baseline.Entry> fixed) {
        this(rules, verdicts, fixed, List.of());
    }

    /** True when no call site is a violation and no data problem fails the check. */
    public boolean passed() {
        return !hasViolations() && failingProblems().isEmpty();
    }

    /** True when a call site is a violation. */
    public boolean hasViolations() {
        for (SiteVerdict verdict : verdicts) {
            if (verdict.status() == SiteVerdict.Status.VIOLATION) {
                return true;
            }
        }
        return false;
    }

    /** The problems that fail the check. */
    public List<Problem> failingProblems() {
        return problems.stream().filter(Problem::fails).toList();
    }

    /** The verdicts with the given status. */
    public List<SiteVerdict> with(SiteVerdict.Status status) {
        return verdicts.stream().filter(v -> v.status() == status).toList();
    }
}
