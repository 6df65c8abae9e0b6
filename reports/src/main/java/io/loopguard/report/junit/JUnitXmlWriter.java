package io.loopguard.report.junit;

import io.loopguard.format.CallSite;
import io.loopguard.format.SiteWording;
import io.loopguard.format.Frame;
import io.loopguard.format.InstantText;
import io.loopguard.report.check.CheckResult;
import io.loopguard.format.Durations;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;
import java.io.IOException;
import java.time.Instant;

/**
 * Writes {@code TEST-loopguard.xml}. A test case per call site: {@code classname} is the first application frame's
 * class (CI tools group by it), {@code name} holds category, method and id (GitLab drops duplicate names), and
 * {@code file}/{@code line} point at the source. Failures carry a Java-style stack, which GitHub actions resolve to
 * annotations. The time of a case is the site's blocked time.
 */
public final class JUnitXmlWriter {

    private JUnitXmlWriter() {
    }

    /** Writes the test suite for {@code check}. */
    public static void write(MergedReport report, CheckResult check, SourcePaths sources, Appendable out)
            throws IOException {
        int failures = check.with(SiteVerdict.Status.VIOLATION).size() + check.failingProblems().size();
        int skipped = check.with(SiteVerdict.Status.BASELINED).size();
        int tests = check.verdicts().size() + check.problems().size();
        String time = seconds(report.totalNanos());
        String timestamp = InstantText.format(Instant.ofEpochSecond(report.endedAt().orElse(Instant.EPOCH)
                .getEpochSecond()));
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"loopguard\" tests=\"").append(Integer.toString(tests))
                .append("\" failures=\"").append(Integer.toString(failures)).append("\" errors=\"0\" skipped=\"")
                .append(Integer.toString(skipped)).append("\" time=\"").append(time).append("\">\n");
        out.append("  <testsuite name=\"loopguard\" tests=\"").append(Integer.toString(tests))
                .append("\" failures=\"").append(Integer.toString(failures)).append("\" errors=\"0\" skipped=\"")
                .append(Integer.toString(skipped)).append("\" time=\"").append(time).append("\" timestamp=\"")
                .append(timestamp.endsWith("Z") ? timestamp.substring(0, timestamp.length() - 1) : timestamp)
                .append("\">\n");
        out.append("    <properties>\n");
        property(out, "loopguard.rules", check.rules().describe());
        property(out, "loopguard.runs", Integer.toString(report.runs().size()));
        property(out, "loopguard.fixedSinceBaseline", Integer.toString(check.fixed().size()));
        out.append("    </properties>\n");
        for (CheckResult.Problem problem : check.problems()) {
            problemCase(out, problem);
        }
        for (SiteVerdict verdict : check.verdicts()) {
            testCase(out, verdict, sources);
        }
        out.append("  </testsuite>\n</testsuites>\n");
    }

    /** A data problem as a test case of its own: failing unless the rules allow it. */
    private static void problemCase(Appendable out, CheckResult.Problem problem) throws IOException {
        out.append("    <testcase classname=\"loopguard.data\" name=\"");
        Xml.escape(out, (CheckResult.Problem.AGENT_ERROR.equals(problem.kind()) ? "agent started"
                : "data complete (no dropped calls)") + ": " + problem.message());
        out.append("\" time=\"0.000\"");
        if (problem.fails()) {
            out.append(">\n      <failure message=\"");
            Xml.escape(out, problem.message());
            out.append("\" type=\"loopguard.");
            Xml.escape(out, problem.kind());
            out.append("\">");
            Xml.escape(out, problem.message());
            out.append("</failure>\n    </testcase>\n");
        } else {
            out.append(">\n      <system-out>");
            Xml.escape(out, problem.message());
            out.append("</system-out>\n    </testcase>\n");
        }
    }

    private static void testCase(Appendable out, SiteVerdict verdict, SourcePaths sources) throws IOException {
        CallSite site = verdict.site();
        int primary = StackFrames.primaryFrameIndex(site);
        Frame frame = primary >= 0 ? site.stack().get(primary) : null;
        String classname = frame == null ? "loopguard." + site.category() : frame.className();
        String name = SiteWording.what(site.category(), site.blockingMethod())
                + (frame == null ? "" : " at " + StackFrames.render(frame));
        // No id in the name: CI test history follows a test case by its name, which must survive the id's changes.
        out.append("    <testcase classname=\"");
        Xml.escape(out, classname);
        out.append("\" name=\"");
        Xml.escape(out, name);
        out.append("\" time=\"").append(seconds(site.totalNanos())).append('"');
        if (frame != null) {
            out.append(" file=\"");
            Xml.escape(out, sources.pathOf(frame));
            out.append('"');
            if (frame.lineNumber() > 0) {
                out.append(" line=\"").append(Integer.toString(frame.lineNumber())).append('"');
            }
        }
        switch (verdict.status()) {
            case VIOLATION -> {
                out.append(">\n      <failure message=\"");
                Xml.escape(out, verdict.reason());
                out.append("\" type=\"loopguard.");
                Xml.escape(out, site.category());
                out.append("\">");
                stackText(site, out);
                out.append("</failure>\n");
                systemOut(out, site);
                out.append("    </testcase>\n");
            }
            case BASELINED -> {
                out.append(">\n      <skipped message=\"");
                Xml.escape(out, verdict.reason());
                out.append("\"/>\n    </testcase>\n");
            }
            default -> {
                out.append(">\n");
                systemOut(out, site);
                out.append("    </testcase>\n");
            }
        }
    }

    private static void systemOut(Appendable out, CallSite site) throws IOException {
        String text = "threads: " + String.join(", ", site.threads()) + "\ncount: " + site.count() + "\n"
                + (site.detail() == null ? "" : "detail: " + site.detail() + "\n")
                + (site.tests().isEmpty() ? "" : "tests: " + String.join(", ", site.tests()) + "\n");
        out.append("      <system-out>");
        Xml.escape(out, text);
        out.append("</system-out>\n");
    }

    /**
     * {@code BlockingCall: blocking jdbc call m} then {@code \tat Frame} lines, as a Java stack trace prints, escaped
     * and appended piece by piece (the whole stack: JUnit XML is not size-limited like SARIF uploads).
     */
    static void stackText(CallSite site, Appendable out) throws IOException {
        out.append("BlockingCall: ");
        Xml.escape(out, SiteWording.what(site.category(), site.blockingMethod()));
        if (site.detail() != null) {
            out.append(" (");
            Xml.escape(out, site.detail());
            out.append(')');
        }
        for (Frame frame : site.stack()) {
            out.append("&#10;&#9;at ");
            Xml.escape(out, frame.className());
            out.append('.');
            Xml.escape(out, frame.methodName());
            if (frame.fileName() == null) {
                out.append("(Unknown Source)");
            } else {
                out.append('(');
                Xml.escape(out, frame.fileName());
                if (frame.lineNumber() >= 0) {
                    out.append(':').append(Integer.toString(frame.lineNumber()));
                }
                out.append(')');
            }
        }
    }

    private static void property(Appendable out, String name, String value) throws IOException {
        out.append("      <property name=\"").append(Xml.escape(name)).append("\" value=\"").append(Xml.escape(value))
                .append("\"/>\n");
    }

    /** Seconds with three decimals, rounded half up ({@code %.3f} without {@code Formatter}). */
    private static String seconds(long nanos) {
        return Durations.decimal(nanos, 1_000_000_000L, 3);
    }
}
