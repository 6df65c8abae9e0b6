package io.loopguard.report.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code check} decided, for the top of the HTML report, so that a passing or fully baselined run does not look
 * like a failing one. Made by the reports module from its check result (this module knows no check rules); absent
 * when the agent writes the report at exit, where no check has run.
 *
 * @param passed        the check's outcome
 * @param summary       one sentence saying why, as the check printed it (rules included), e.g. {@code 2 blocking call
 *                      sites violate the rules (max-sites 0, all categories; 1 more is baselined).}
 * @param newSites      call sites that fail the check (not in the baseline)
 * @param baselinedSites call sites the baseline accepts
 * @param fixedEntries  baseline entries whose call site was not seen any more
 * @param problems      data problems that fail the check (an agent that failed to start, dropped calls)
 * @param statusById    per call-site id: {@code violation}, {@code baselined}, {@code tolerated} or {@code ignored}
 */
public record Verdict(boolean passed, String summary, int newSites, int baselinedSites, int fixedEntries,
                      List<String> problems, Map<String, String> statusById) {

    public Verdict {
        problems = List.copyOf(problems);
        statusById = Collections.unmodifiableMap(new TreeMap<>(statusById)); // sorted: the same report, the same bytes
    }
}
