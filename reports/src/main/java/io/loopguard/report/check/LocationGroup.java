package io.loopguard.report.check;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Frame;
import io.loopguard.report.model.StackFrames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The call sites that reach the same application location (the frame the reports point at: class, method and line)
 * with the same category and blocking method. One line called from three handlers, or reached through different
 * library paths, is one SARIF result (each distinct stack a code flow) and one GitHub annotation; a site without an
 * application frame stays a location of its own (keyed by its id).
 *
 * @param fingerprint {@link CallSiteId#ofLocation}, or the site's id when it has no application frame
 * @param location    the application frame, or null
 * @param members     the verdicts of its call sites, in the report's order (most blocked time first)
 */
public record LocationGroup(String fingerprint, Frame location, List<SiteVerdict> members) {

    /** The verdicts grouped by location, each group where its first member was (the report's order). */
    public static List<LocationGroup> of(List<SiteVerdict> verdicts) {
        Map<String, LocationGroup> groups = new LinkedHashMap<>();
        for (SiteVerdict verdict : verdicts) {
            CallSite site = verdict.site();
            int primary = StackFrames.primaryFrameIndex(site);
            Frame frame = primary >= 0 ? site.stack().get(primary) : null;
            boolean application = frame != null && StackFrames.isApplication(frame);
            String key = application ? CallSiteId.ofLocation(site.category(), site.blockingMethod(), frame) : site.id();
            LocationGroup group = groups.get(key);
            if (group == null) {
                group = new LocationGroup(key, application ? frame : null, new ArrayList<>());
                groups.put(key, group);
            }
            group.members.add(verdict);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * The decision shown for the group: a violation if any member is one, else the least quiet of the rest
     * (tolerated, then not checked); baselined only when every member is.
     */
    public SiteVerdict decisive() {
        SiteVerdict best = members.get(0);
        for (SiteVerdict verdict : members) {
            if (rank(verdict.status()) < rank(best.status())) {
                best = verdict;
            }
        }
        return best;
    }

    /** The members as one call site: counts and times added, threads and tests united, the first one's stack. */
    public CallSite merged() {
        CallSite merged = members.get(0).site();
        for (int i = 1; i < members.size(); i++) {
            merged = merged.mergedWith(members.get(i).site());
        }
        return merged;
    }

    private static int rank(SiteVerdict.Status status) {
        return switch (status) {
            case VIOLATION -> 0;
            case TOLERATED -> 1;
            case IGNORED -> 2;
            case BASELINED -> 3;
        };
    }
}
