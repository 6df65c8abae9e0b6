package io.loopguard.report.junit;

import io.loopguard.format.CallSite;
import io.loopguard.format.Durations;
import io.loopguard.format.Frame;
import io.loopguard.format.InstantText;
import io.loopguard.format.SiteWording;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code TEST-loopguard.xml} with the JDK's XML writer ({@link XMLStreamWriter}), every string first cleaned of
 * what XML 1.0 cannot carry ({@link Xml#clean}). A test case per call site: {@code classname} is the first application
 * frame's class (CI tools group by it), {@code name} says what was called where (no id: CI test history follows a
 * case by its name), and {@code file}/{@code line} point at the source. Failures carry a Java-style stack, which
 * GitHub actions resolve to annotations. The time of a case is the site's blocked time.
 *
 * <p>The file is capped at {@link #MAX_BYTES} (GitLab rejects larger JUnit reports): each case is rendered on its
 * own first, and once the next one would pass the cap the rest are left out, replaced by one last test case (failing
 * when a left-out site fails the check) that says how many, and {@link #write} returns that number so the CLI and
 * the Maven goals can warn.
 */
public final class JUnitXmlWriter {
    /** 30 MB, GitLab's limit for a JUnit report, less room for the closing tags and the last case. */
    public static final long MAX_BYTES = 30L * 1000 * 1000;
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitXmlWriter() {
    }

    /** Writes the test suite for {@code check}; returns how many call sites the size cap left out (0 normally). */
    public static int write(MergedReport report, CheckResult check, SourcePaths sources, Appendable out)
            throws IOException {
        return write(report, check, sources, out, MAX_BYTES);
    }

    static int write(MergedReport report, CheckResult check, SourcePaths sources, Appendable out, long maxBytes)
            throws IOException {
        CountingWriter target = new CountingWriter(out);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(target);
            int failures = check.with(SiteVerdict.Status.VIOLATION).size() + check.failingProblems().size();
            int skipped = check.with(SiteVerdict.Status.BASELINED).size();
            int tests = check.verdicts().size() + check.problems().size();
            String time = seconds(report.totalNanos());
            String timestamp = InstantText.format(Instant.ofEpochSecond(report.endedAt().orElse(Instant.EPOCH)
                    .getEpochSecond()));
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, "loopguard", tests, failures, skipped, time);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            counts(xml, "loopguard", tests, failures, skipped, time);
            xml.writeAttribute("timestamp", timestamp.endsWith("Z") ? timestamp.substring(0, timestamp.length() - 1)
                    : timestamp);
            xml.writeCharacters("\n    ");
            xml.writeStartElement("properties");
            property(xml, "loopguard.rules", check.rules().describe());
            property(xml, "loopguard.runs", Integer.toString(report.runs().size()));
            property(xml, "loopguard.fixedSinceBaseline", Integer.toString(check.fixed().size()));
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
            for (CheckResult.Problem problem : check.problems()) {
                problemCase(xml, problem);
            }
            xml.flush();
            // Each site's case rendered alone, so that the cap is kept without ever writing half a case.
            List<SiteVerdict> verdicts = check.verdicts();
            long reserve = 4_096; // the closing tags and the case that says what was left out
            int leftOut = 0;
            boolean leftOutFails = false;
            for (int i = 0; i < verdicts.size(); i++) {
                String testCase = rendered(verdicts.get(i), sources);
                if (target.bytes + utf8Length(testCase) + reserve > maxBytes) {
                    leftOut = verdicts.size() - i;
                    for (int j = i; j < verdicts.size(); j++) {
                        leftOutFails |= verdicts.get(j).status() == SiteVerdict.Status.VIOLATION;
                    }
                    break;
                }
                target.write(testCase);
            }
            if (leftOut > 0) {
                leftOutCase(xml, leftOut, verdicts.size(), maxBytes, leftOutFails);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            return leftOut;
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void counts(XMLStreamWriter xml, String name, int tests, int failures, int skipped, String time)
            throws XMLStreamException {
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Integer.toString(skipped));
        xml.writeAttribute("time", time);
    }

    /** A data problem as a test case of its own: failing unless the rules allow it. */
    private static void problemCase(XMLStreamWriter xml, CheckResult.Problem problem) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "loopguard.data");
        xml.writeAttribute("name", Xml.clean((CheckResult.Problem.AGENT_ERROR.equals(problem.kind()) ? "agent started"
                : "data complete (no dropped calls)") + ": " + problem.message()));
        xml.writeAttribute("time", "0.000");
        xml.writeCharacters("\n      ");
        if (problem.fails()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", Xml.clean(problem.message()));
            xml.writeAttribute("type", "loopguard." + Xml.clean(problem.kind()));
            xml.writeCharacters(Xml.clean(problem.message()));
        } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(Xml.clean(problem.message()));
        }
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** The case that stands for the sites the size cap left out. */
    private static void leftOutCase(XMLStreamWriter xml, int leftOut, int all, long maxBytes, boolean fails)
            throws XMLStreamException {
        String message = leftOut + " of " + all + " call sites are not listed: the file would pass " + maxBytes
                + " bytes (GitLab's limit for a JUnit report). index.html and loopguard.json list every call site.";
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "loopguard.data");
        xml.writeAttribute("name", "every call site listed");
        xml.writeAttribute("time", "0.000");
        xml.writeCharacters("\n      ");
        xml.writeStartElement(fails ? "failure" : "system-out");
        if (fails) {
            xml.writeAttribute("message", message);
            xml.writeAttribute("type", "loopguard.truncated");
        }
        xml.writeCharacters(message);
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    /** One site's test case as text (its own small writer: the caller measures it before adding it). */
    private static String rendered(SiteVerdict verdict, SourcePaths sources) throws XMLStreamException {
        StringWriter text = new StringWriter(512);
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
        testCase(xml, verdict, sources);
        xml.flush();
        return text.toString();
    }

    private static void testCase(XMLStreamWriter xml, SiteVerdict verdict, SourcePaths sources)
            throws XMLStreamException {
        CallSite site = verdict.site();
        int primary = StackFrames.primaryFrameIndex(site);
        Frame frame = primary >= 0 ? site.stack().get(primary) : null;
        String classname = frame == null ? "loopguard." + site.category() : frame.className();
        String name = SiteWording.what(site.category(), site.blockingMethod())
                + (frame == null ? "" : " at " + StackFrames.render(frame));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", Xml.clean(classname));
        xml.writeAttribute("name", Xml.clean(name));
        xml.writeAttribute("time", seconds(site.totalNanos()));
        if (frame != null) {
            xml.writeAttribute("file", Xml.clean(sources.pathOf(frame)));
            if (frame.lineNumber() > 0) {
                xml.writeAttribute("line", Integer.toString(frame.lineNumber()));
            }
        }
        xml.writeCharacters("\n      ");
        switch (verdict.status()) {
            case VIOLATION -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", Xml.clean(verdict.reason()));
                xml.writeAttribute("type", "loopguard." + Xml.clean(site.category()));
                xml.writeCharacters(stackText(site));
                xml.writeEndElement();
                xml.writeCharacters("\n      ");
                systemOut(xml, site);
            }
            case BASELINED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", Xml.clean(verdict.reason()));
            }
            default -> systemOut(xml, site);
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void systemOut(XMLStreamWriter xml, CallSite site) throws XMLStreamException {
        String text = "threads: " + String.join(", ", site.threads()) + "\ncount: " + site.count() + "\n"
                + (site.detail() == null ? "" : SiteWording.detailLabel(site.category()) + ": " + site.detail() + "\n")
                + (site.tests().isEmpty() ? "" : "tests: " + String.join(", ", site.tests()) + "\n");
        xml.writeStartElement("system-out");
        xml.writeCharacters(Xml.clean(text));
        xml.writeEndElement();
    }

    /**
     * {@code BlockingCall: blocking jdbc call m} then {@code \tat Frame} lines, as a Java stack trace prints (the whole
     * stack), cleaned for XML.
     */
    static String stackText(CallSite site) {
        StringBuilder text = new StringBuilder("BlockingCall: ")
                .append(SiteWording.what(site.category(), site.blockingMethod()));
        if (site.detail() != null) {
            text.append(" (").append(site.detail()).append(')');
        }
        for (Frame frame : site.stack()) {
            text.append("\n\tat ").append(frame.className()).append('.').append(frame.methodName());
            if (frame.fileName() == null) {
                text.append("(Unknown Source)");
            } else {
                text.append('(').append(frame.fileName());
                if (frame.lineNumber() >= 0) {
                    text.append(':').append(frame.lineNumber());
                }
                text.append(')');
            }
        }
        return Xml.clean(text.toString());
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", Xml.clean(name));
        xml.writeAttribute("value", Xml.clean(value));
    }

    /** Seconds with three decimals, rounded half up ({@code %.3f} without {@code Formatter}). */
    private static String seconds(long nanos) {
        return Durations.decimal(nanos, 1_000_000_000L, 3);
    }

    private static long utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The report's {@link Appendable} as a {@link Writer}, counting the UTF-8 bytes written. */
    private static final class CountingWriter extends Writer {
        private final Appendable out;
        long bytes;

        CountingWriter(Appendable out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            out.append(java.nio.CharBuffer.wrap(chars, offset, length));
            for (int i = offset; i < offset + length; i++) {
                char c = chars[i];
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
        }

        @Override
        public void write(String text) throws IOException {
            write(text.toCharArray(), 0, text.length());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
