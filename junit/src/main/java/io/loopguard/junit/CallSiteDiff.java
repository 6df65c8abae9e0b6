package io.loopguard.junit;

import io.loopguard.RecordedCallSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What was recorded between two snapshots of {@code LoopGuard.recordedCallSites()}: call sites that are new, or whose
 * count grew, compared by the call site's stable id.
 */
final class CallSiteDiff {

    /** Stack frames shown per call site in a failure message. */
    static final int MAX_FRAMES = 25;

    /** A call site with what the test added to it. */
    record Change(RecordedCallSite site, long newCalls, long newNanos) {
    }

    private CallSiteDiff() {
    }

    /** Count and blocked time per id. */
    static Map<String, long[]> snapshot(List<RecordedCallSite> sites) {
        Map<String, long[]> out = new HashMap<>();
        for (RecordedCallSite site : sites) {
            out.put(site.id(), new long[] {site.count(), site.totalNanos()});
        }
        return out;
    }

    /** Sites of {@code after} that are not in {@code before}, or have more calls now. */
    static List<Change> changes(Map<String, long[]> before, List<RecordedCallSite> after) {
        List<Change> out = new ArrayList<>();
        for (RecordedCallSite site : after) {
            long[] old = before.getOrDefault(site.id(), new long[] {0, 0});
            if (site.count() > old[0]) {
                out.add(new Change(site, site.count() - old[0], Math.max(0, site.totalNanos() - old[1])));
            }
        }
        return out;
    }

    /** The failure message: every change with category, method, detail, threads and stack. */
    static String message(String test, List<Change> changes) {
        StringBuilder out = new StringBuilder();
        out.append(changes.size()).append(changes.size() == 1 ? " blocking call site" : " blocking call sites")
                .append(" recorded on event-loop threads during ").append(test).append(" [loopguard]");
        for (Change change : changes) {
            RecordedCallSite site = change.site();
            out.append("\n\n").append(site.category().equals("stall") ? "stall in " : "blocking " + site.category() + " call ")
                    .append(site.blockingMethod()); // the reports' wording (io.loopguard.format.SiteWording)
            if (site.detail() != null) {
                out.append(" (").append(site.detail()).append(')');
            }
            out.append(" on ").append(site.threads().isEmpty() ? "an event-loop thread" : String.join(", ", site.threads()))
                    .append(": ").append(change.newCalls()).append(change.newCalls() == 1 ? " call, " : " calls, ")
                    .append(millis(change.newNanos())).append(" blocked");
            List<String> stack = site.stack();
            for (int i = 0; i < Math.min(stack.size(), MAX_FRAMES); i++) {
                out.append("\n\tat ").append(stack.get(i));
            }
            if (stack.size() > MAX_FRAMES) {
                out.append("\n\t... ").append(stack.size() - MAX_FRAMES).append(" more");
            }
        }
        out.append("\n\nMove the call off the event loop (a worker pool, Vert.x executeBlocking, Reactor "
                + "boundedElastic), or exempt the test with @AllowBlocking(reason = \"...\").");
        return out.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
