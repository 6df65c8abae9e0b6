package io.loopguard.report.check;

import io.loopguard.format.CallSite;

/**
 * What the check decided for one call site.
 *
 * @param site   the merged call site
 * @param status the decision
 * @param reason why, in a sentence fit for a JUnit failure message or a SARIF property
 */
public record SiteVerdict(CallSite site, Status status, String reason) {

    /** The decision for a call site. */
    public enum Status {
        /** Breaks the rules: fails the check. */
        VIOLATION,
        /** Counts, but within {@code --max-sites}. */
        TOLERATED,
        /** Counts, but is in the baseline. */
        BASELINED,
        /** Not checked: category excluded or blocked time under {@code --max-blocked}. */
        IGNORED
    }
}
