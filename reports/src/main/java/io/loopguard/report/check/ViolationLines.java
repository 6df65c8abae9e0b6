package io.loopguard.report.check;

import io.loopguard.format.CallSite;
import io.loopguard.format.SiteWording;
import io.loopguard.format.Durations;
import io.loopguard.format.Frame;
import io.loopguard.format.TerminalText;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;

/**
 * The console form of a finding, clickable in IDEs and parsable by CI problem matchers:
 * {@code path:line: blocking <category> call <method> on <thread> (N calls, T) [during <tests>] [loopguard]}, the
 * tests named when a test listener ran (the first {@value #TESTS_SHOWN}, then how many more). Control characters in
 * it (a thread name can hold any) are escaped by {@link TerminalText}, so one finding is always one line.
 */
public final class ViolationLines {

    static final int TESTS_SHOWN = 3;

    private ViolationLines() {
    }

    /** One line for {@code site}, its path resolved by {@code sources}. */
    public static String format(CallSite site, SourcePaths sources) {
        int primary = StackFrames.primaryFrameIndex(site);
        String location;
        if (primary < 0) {
            location = "(no stack)";
        } else {
            Frame frame = site.stack().get(primary);
            location = sources.pathOf(frame) + ":" + Math.max(frame.lineNumber(), 1);
        }
        String threads = site.threads().isEmpty() ? "an unknown thread" : site.threads().get(0)
                + (site.threads().size() > 1 ? " and " + (site.threads().size() - 1) + " more" : "");
        return TerminalText.escape(location + ": " + SiteWording.what(site.category(), site.blockingMethod()) + " on " + threads
                + " (" + site.count() + (site.count() == 1 ? " call, " : " calls, ")
                + Durations.format(site.totalNanos()) + ")" + during(site) + " [loopguard]");
    }

    /** {@code " during A#a(), B#b() and 2 more"}, or nothing when no test was named. */
    public static String during(CallSite site) {
        int n = site.tests().size();
        if (n == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(" during ");
        for (int i = 0; i < Math.min(n, TESTS_SHOWN); i++) {
            text.append(i == 0 ? "" : ", ").append(site.tests().get(i));
        }
        if (n > TESTS_SHOWN) {
            text.append(" and ").append(n - TESTS_SHOWN).append(" more");
        }
        return text.toString();
    }
}
