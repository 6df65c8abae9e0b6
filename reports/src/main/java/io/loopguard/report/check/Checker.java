package io.loopguard.report.check;

import io.loopguard.format.CallSite;
import io.loopguard.format.SiteWording;
import io.loopguard.format.Durations;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Run;
import java.util.ArrayList;
import java.util.List;

/** Applies {@link Rules} and an optional {@link Baseline} to a merged report. */
public final class Checker {

    private Checker() {
    }

    /** The verdict for every call site of {@code report}; {@code baseline} may be {@code null}. */
    public static CheckResult check(MergedReport report, Rules rules, Baseline baseline) {
        List<CallSite> counting = new ArrayList<>();
        List<SiteVerdict> verdicts = new ArrayList<>();
        for (CallSite site : report.callSites()) {
            if (!rules.checks(site)) {
                verdicts.add(new SiteVerdict(site, SiteVerdict.Status.IGNORED, "category " + site.category()
                        + " is not checked"));
            } else if (!rules.exceedsBlockedTime(site)) {
                verdicts.add(new SiteVerdict(site, SiteVerdict.Status.IGNORED, "blocked "
                        + Durations.format(site.totalNanos()) + ", within max-blocked "
                        + Durations.format(rules.maxBlockedNanos())));
            } else if (baseline != null && baseline.contains(site)) {
                verdicts.add(new SiteVerdict(site, SiteVerdict.Status.BASELINED, "known in the baseline"));
            } else {
                counting.add(site);
                verdicts.add(null); // decided below, once the number of counting sites is known
            }
        }
        boolean failing = counting.size() > rules.maxSites();
        int next = 0;
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i) == null) {
                CallSite site = counting.get(next++);
                String reason = SiteWording.kind(site.category()) + " on an event-loop thread: " + site.count()
                        + " calls, " + Durations.format(site.totalNanos()) + " blocked (" + counting.size()
                        + " such call sites, " + rules.describe() + ")";
                verdicts.set(i, new SiteVerdict(site,
                        failing ? SiteVerdict.Status.VIOLATION : SiteVerdict.Status.TOLERATED, reason));
            }
        }
        List<Baseline.Entry> fixed = baseline == null ? List.of() : baseline.fixedIn(report.callSites());
        return new CheckResult(rules, verdicts, fixed, problems(report, rules));
    }

    /**
     * What is wrong with the data itself: every run whose agent failed to start (its file says nothing about blocking
     * calls) and every run that dropped calls at the agent's call-site bound (its data is incomplete; allowed only
     * by {@link Rules#allowDropped()}).
     */
    public static List<CheckResult.Problem> problems(MergedReport report, Rules rules) {
        List<CheckResult.Problem> problems = new ArrayList<>();
        for (Run run : report.runs()) {
            if (run.agentError() != null) {
                problems.add(new CheckResult.Problem(CheckResult.Problem.AGENT_ERROR, describe(run)
                        + ": the agent failed to start, no blocking call was recorded: " + run.agentError(), true));
            }
        }
        for (Run run : report.runs()) {
            if (run.droppedCalls() > 0) {
                problems.add(new CheckResult.Problem(CheckResult.Problem.DROPPED_CALLS, describe(run) + ": "
                        + run.droppedCalls() + (run.droppedCalls() == 1 ? " call" : " calls")
                        + " of further call sites were dropped ("
                        + (run.maxSites() > 0 ? "maxSites=" + run.maxSites() : "the agent's maxSites bound was reached")
                        + "); the data is incomplete" + (rules.allowDropped() ? " (allowed by the rules)" : ""),
                        !rules.allowDropped()));
            }
        }
        return problems;
    }

    private static String describe(Run run) {
        return run.source() + " (pid " + run.jvm().pid() + ")";
    }
}
