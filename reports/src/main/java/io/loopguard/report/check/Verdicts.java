package io.loopguard.report.check;

import io.loopguard.report.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The check's outcome in the shape the HTML report shows at its top ({@link Verdict}). */
public final class Verdicts {

    private Verdicts() {
    }

    /** The verdict of {@code result}: passed or not, why (with the rules), counts and a status per call site. */
    public static Verdict of(CheckResult result) {
        Map<String, String> status = new LinkedHashMap<>();
        for (SiteVerdict verdict : result.verdicts()) {
            status.put(verdict.site().id(), verdict.status().name().toLowerCase(Locale.ROOT));
        }
        List<String> problems = new ArrayList<>();
        for (CheckResult.Problem problem : result.failingProblems()) {
            problems.add(problem.message());
        }
        int violations = result.with(SiteVerdict.Status.VIOLATION).size();
        int baselined = result.with(SiteVerdict.Status.BASELINED).size();
        return new Verdict(result.passed(), summary(result, violations, baselined), violations, baselined,
                result.fixed().size(), problems, status);
    }

    private static String summary(CheckResult result, int violations, int baselined) {
        String rules = result.rules().describe();
        if (result.passed()) {
            return "All loopguard checks have been met (" + rules + "; " + result.verdicts().size() + " call sites, "
                    + baselined + " baselined).";
        }
        StringBuilder text = new StringBuilder();
        if (violations > 0) {
            text.append(violations).append(violations == 1 ? " blocking call site on event-loop threads violates"
                    : " blocking call sites on event-loop threads violate").append(" the loopguard rules (")
                    .append(rules).append(baselined > 0 ? "; " + baselined + " more are baselined" : "").append(").");
        }
        int failing = result.failingProblems().size();
        if (failing > 0) {
            text.append(text.length() > 0 ? " " : "").append("The loopguard data cannot be trusted (").append(failing)
                    .append(failing == 1 ? " problem" : " problems").append(").");
        }
        return text.toString();
    }
}
