package io.loopguard.report.check;

import java.util.List;

/**
 * The outcome of {@link Checker#check}: a verdict per call site (report order) and the baseline entries no longer
 * seen.
 *
 * @param rules    the rules applied
 * @param verdicts one per call site
 * @param fixed    baseline entries whose call site was not seen (fixed, or not exercised by this run)
 */
public record CheckResult(Rules rules, List<SiteVerdict> verdicts, List<Baseline.Entry> fixed) {

    public CheckResult {
        verdicts = List.copyOf(verdicts);
        fixed = List.copyOf(fixed);
    }

    /** True when no call site is a violation. */
    public boolean passed() {
        return verdicts.stream().noneMatch(v -> v.status() == SiteVerdict.Status.VIOLATION);
    }

    /** The verdicts with the given status. */
    public List<SiteVerdict> with(SiteVerdict.Status status) {
        return verdicts.stream().filter(v -> v.status() == status).toList();
    }
}
