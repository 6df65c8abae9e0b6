package io.loopguard.report.html;

import io.loopguard.format.BlockedStretch;
import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.format.InstantText;
import io.loopguard.format.LoopTime;
import io.loopguard.format.json.JsonText;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Run;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;
import io.loopguard.report.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON data island of the report. Compact on purpose, because 10 000 sites of 40 frames must load in a browser
 * in well under two seconds: strings and frames are interned (stacks share most frames), frames are a flat array of
 * five ints {@code [class, method, file or -1, line, kind]} with kind 0 = application, 1 = library, 2 = JDK, and a
 * site is an array whose layout the template's {@code SITE} constants mirror. Every string is written HTML-safe
 * ({@code <}, {@code >}, {@code &}, U+2028/9 as {@code \}u escapes), so no data can end the script element.
 */
final class ReportData {

    private final Map<String, Integer> stringIds = new HashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final Map<Frame, Integer> frameIds = new HashMap<>();
    private final StringBuilder frames = new StringBuilder();

    /** Links application frames to their source; {@code null} (the agent at exit) links nothing. */
    private final SourcePaths sources;
    private final Path reportDir;

    private ReportData(SourcePaths sources, Path reportDir) {
        this.sources = sources;
        this.reportDir = reportDir;
    }

    static void write(MergedReport report, Verdict verdict, SourcePaths sources, Path reportDir, String version,
                      Instant generatedAt, Appendable out) throws IOException {
        new ReportData(sources, reportDir).writeAll(report, verdict, version, generatedAt, out);
    }

    private void writeAll(MergedReport report, Verdict verdict, String version, Instant generatedAt, Appendable out)
            throws IOException {
        out.append("{\"tool\":\"loopguard\",\"version\":");
        str(out, version);
        out.append(",\"generatedAt\":");
        instant(out, generatedAt);
        out.append(",\"droppedCalls\":").append(Long.toString(report.droppedCalls()));
        out.append(",\n\"verdict\":");
        verdict(verdict, out);
        out.append(",\n\"runs\":[");
        for (int i = 0; i < report.runs().size(); i++) {
            Run run = report.runs().get(i);
            out.append(i == 0 ? "\n{\"source\":" : ",\n{\"source\":");
            str(out, run.source());
            out.append(",\"pid\":").append(Long.toString(run.jvm().pid())).append(",\"javaVersion\":");
            str(out, run.jvm().javaVersion());
            out.append(",\"command\":");
            str(out, run.jvm().command());
            out.append(",\"startedAt\":");
            instant(out, run.jvm().startedAt());
            out.append(",\"endedAt\":");
            instant(out, run.jvm().endedAt());
            out.append(",\"callSites\":").append(Integer.toString(run.callSites()))
                    .append(",\"droppedCalls\":").append(Long.toString(run.droppedCalls()));
            if (run.maxSites() > 0) {
                out.append(",\"maxSites\":").append(Long.toString(run.maxSites()));
            }
            if (run.agentError() != null) {
                out.append(",\"agentError\":");
                str(out, run.agentError());
            }
            out.append('}');
        }
        out.append("],\n\"skipped\":");
        list(out, report.skipped());
        out.append(",\n\"registeredThreads\":");
        list(out, report.registeredThreads());
        out.append(",\n\"loops\":[");
        for (int i = 0; i < report.loops().size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            loop(report.loops().get(i), out);
        }
        out.append(']');
        // Sites before the frames and strings they refer to (the page reads members by name): written straight to
        // the output, they fill the intern tables, which are the only parts held in memory.
        out.append(",\n\"sites\":[");
        boolean firstSite = true;
        for (CallSite site : report.callSites()) {
            out.append(firstSite ? "\n" : ",\n");
            firstSite = false;
            site(site, out);
        }
        out.append("],\n\"allowed\":[");
        for (int i = 0; i < report.allowedSites().size(); i++) {
            out.append(i == 0 ? "\n" : ",\n");
            allowed(report.allowedSites().get(i), out);
        }
        out.append("],\n\"frames\":[").append(frames).append("],\n\"strings\":[");
        for (int i = 0; i < strings.size(); i++) {
            if (i > 0) {
                out.append(i % 20 == 0 ? ",\n" : ",");
            }
            str(out, strings.get(i));
        }
        out.append("]}");
    }

    /** {@code null}, or the check's outcome with a status per call-site id (ids are plain hex, safe as keys). */
    private static void verdict(Verdict verdict, Appendable out) throws IOException {
        if (verdict == null) {
            out.append("null");
            return;
        }
        out.append("{\"passed\":").append(verdict.passed() ? "true" : "false").append(",\"summary\":");
        str(out, verdict.summary());
        out.append(",\"newSites\":").append(Integer.toString(verdict.newSites()))
                .append(",\"baselinedSites\":").append(Integer.toString(verdict.baselinedSites()))
                .append(",\"fixedEntries\":").append(Integer.toString(verdict.fixedEntries()))
                .append(",\"problems\":");
        list(out, verdict.problems());
        out.append(",\"status\":{");
        boolean first = true;
        for (Map.Entry<String, String> entry : verdict.statusById().entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            str(out, entry.getKey());
            out.append(':');
            str(out, entry.getValue());
        }
        out.append("}}");
    }

    /**
     * A call site a framework's published allowance matched, as a plain object (few, so nothing is interned): the
     * allowance, what was called, how often and how long, and its stack as text (at most 40 frames).
     */
    private static void allowed(CallSite site, Appendable out) throws IOException {
        out.append("{\"allowedBy\":");
        str(out, site.allowedBy());
        out.append(",\"category\":");
        str(out, site.category());
        out.append(",\"method\":");
        str(out, site.blockingMethod());
        out.append(",\"detail\":");
        str(out, site.detail());
        out.append(",\"threads\":");
        list(out, site.threads());
        out.append(",\"count\":").append(Long.toString(site.count())).append(",\"total\":")
                .append(Long.toString(site.totalNanos())).append(",\"max\":").append(Long.toString(site.maxNanos()));
        int primary = StackFrames.primaryFrameIndex(site);
        out.append(",\"frame\":");
        str(out, primary < 0 ? null : StackFrames.renderQualified(site.stack().get(primary)));
        List<String> stack = new ArrayList<>();
        for (int i = 0; i < site.stack().size() && i < 40; i++) {
            stack.add(StackFrames.renderQualified(site.stack().get(i)));
        }
        out.append(",\"stack\":");
        list(out, stack);
        out.append('}');
    }

    /** A loop's time: its thread, registered, busy, blocked (all, and by category), stalled, in nanoseconds. */
    private static void loop(LoopTime loop, Appendable out) throws IOException {
        out.append("{\"thread\":");
        str(out, loop.thread());
        out.append(",\"registered\":").append(Long.toString(loop.registeredNanos()))
                .append(",\"busy\":").append(Long.toString(loop.busyNanos()))
                .append(",\"blocked\":").append(Long.toString(loop.blockedTotal()))
                .append(",\"stall\":").append(Long.toString(loop.stallNanos()))
                .append(",\"other\":").append(Long.toString(loop.otherNanos()))
                .append(",\"byCategory\":{");
        boolean first = true;
        for (Map.Entry<Category, Long> entry : loop.blockedByCategory().entrySet()) {
            out.append(first ? "" : ",");
            first = false;
            str(out, entry.getKey().id());
            out.append(':').append(Long.toString(entry.getValue()));
        }
        // The longest calls and stalls: [category, site id, start (epoch millis), nanos], longest first.
        out.append("},\"longest\":[");
        for (int i = 0; i < loop.longest().size(); i++) {
            BlockedStretch stretch = loop.longest().get(i);
            out.append(i == 0 ? "[" : ",[");
            str(out, stretch.category());
            out.append(',');
            str(out, stretch.site());
            out.append(',').append(Long.toString(stretch.start().toEpochMilli())).append(',')
                    .append(Long.toString(stretch.nanos())).append(']');
        }
        out.append("]}");
    }

    private void site(CallSite site, Appendable out) throws IOException {
        out.append('[');
        str(out, site.id());
        out.append(',');
        str(out, site.category());
        out.append(',').append(Integer.toString(intern(site.blockingMethod()))).append(',');
        str(out, site.detail());
        out.append(",[");
        for (int i = 0; i < site.threads().size(); i++) {
            out.append(i == 0 ? "" : ",").append(Integer.toString(intern(site.threads().get(i))));
        }
        out.append("],").append(Long.toString(site.count())).append(',').append(Long.toString(site.totalNanos()))
                .append(',').append(Long.toString(site.minNanos())).append(',')
                .append(Long.toString(site.maxNanos())).append(',');
        instant(out, site.firstSeen());
        out.append(',');
        instant(out, site.lastSeen());
        out.append(",[");
        for (int i = 0; i < site.stack().size(); i++) {
            out.append(i == 0 ? "" : ",").append(Integer.toString(frame(site.stack().get(i))));
        }
        int primary = StackFrames.primaryFrameIndex(site);
        out.append("],").append(Integer.toString(primary)).append(",[");
        for (int i = 0; i < site.tests().size(); i++) {
            out.append(i == 0 ? "" : ",").append(Integer.toString(intern(site.tests().get(i))));
        }
        out.append("],");
        str(out, sources == null || primary < 0 ? null : sources.linkOf(site.stack().get(primary), reportDir));
        out.append(',').append(Long.toString(site.percentileNanos(0.5)))
                .append(',').append(Long.toString(site.percentileNanos(0.9)))
                .append(',').append(Long.toString(site.percentileNanos(0.99)));
        out.append(']');
    }

    private int frame(Frame frame) {
        Integer id = frameIds.get(frame);
        if (id == null) {
            id = frameIds.size();
            frameIds.put(frame, id);
            int kind = frame.isJdk() ? 2 : StackFrames.isLibrary(frame) ? 1 : 0;
            frames.append(id == 0 ? "" : id % 10 == 0 ? ",\n" : ",")
                    .append(intern(frame.className())).append(',').append(intern(frame.methodName())).append(',')
                    .append(frame.fileName() == null ? -1 : intern(frame.fileName())).append(',')
                    .append(frame.lineNumber()).append(',').append(kind);
        }
        return id;
    }

    private int intern(String value) {
        Integer id = stringIds.get(value);
        if (id == null) {
            id = strings.size();
            strings.add(value);
            stringIds.put(value, id);
        }
        return id;
    }

    private static void list(Appendable out, List<String> values) throws IOException {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            str(out, values.get(i));
        }
        out.append(']');
    }

    /** A timestamp as a JSON string, as {@link Instant#toString()} writes it (without loading java.time.format). */
    private static void instant(Appendable out, Instant value) throws IOException {
        out.append('"');
        InstantText.append(out, value);
        out.append('"');
    }

    private static void str(Appendable out, String value) throws IOException {
        JsonText.quote(out, withoutLoneSurrogates(value), true);
    }

    /**
     * {@code value} with every unpaired surrogate written out as the text {@code \\uXXXX}. JSON can carry a lone
     * surrogate (as an escape), but in the page's DOM it makes Chromium's serialiser crash
     * ({@code chromium --headless --dump-dom} aborts), so the page never gets one: it shows the escape instead.
     */
    static String withoutLoneSurrogates(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= length || !Character.isLowSurrogate(value.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
            if (lone) {
                if (out == null) {
                    out = new StringBuilder(length + 8).append(value, 0, i);
                }
                out.append("\\u").append(Integer.toHexString(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
