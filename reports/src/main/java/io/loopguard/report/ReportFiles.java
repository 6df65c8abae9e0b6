package io.loopguard.report;

import io.loopguard.format.io.AtomicFile;
import io.loopguard.format.json.TextBuffer;
import io.loopguard.format.Uninterruptibly;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.html.HtmlReport;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes every report file of {@link ReportFormats#ALL} into one directory, each atomically: {@value #HTML},
 * {@value #JSON} (the merge, in the {@code loopguard/1} format; the name deliberately does not match
 * {@code loopguard-*.json}, so a later merge of the same directory does not count it twice), {@value #SARIF} and
 * {@value #JUNIT}.
 */
public final class ReportFiles {

    public static final String HTML = HtmlReport.INDEX;
    public static final String JSON = "loopguard.json";
    public static final String SARIF = "loopguard.sarif";
    public static final String JUNIT = "TEST-loopguard.xml";

    private ReportFiles() {
    }

    /**
     * Writes all formats and returns the path of {@value #HTML}. Two threads share the formats by {@link
     * ReportFormat#weight()} (heaviest first, each to the less loaded thread); all only read the immutable report.
     */
    public static Path writeAll(MergedReport report, CheckResult check, SourcePaths sources, String version,
                                Path outDir) throws IOException {
        return writeAll(report, check, sources, version, outDir, ignored -> { });
    }

    /** {@link #writeAll}, with a line to {@code warnings} for anything a format had to leave out. */
    public static Path writeAll(MergedReport report, CheckResult check, SourcePaths sources, String version,
                                Path outDir, java.util.function.Consumer<String> warnings) throws IOException {
        Files.createDirectories(outDir);
        ReportFormat.Input input = new ReportFormat.Input(report, check, sources, version, warnings);
        List<ReportFormat> formats = new ArrayList<>(ReportFormats.ALL);
        formats.sort(Comparator.comparingInt(ReportFormat::weight).reversed());
        List<ReportFormat> mine = new ArrayList<>();
        List<ReportFormat> theirs = new ArrayList<>();
        int myLoad = 0;
        int theirLoad = 0;
        for (ReportFormat format : formats) {
            if (theirLoad <= myLoad) {
                theirs.add(format);
                theirLoad += format.weight();
            } else {
                mine.add(format);
                myLoad += format.weight();
            }
        }
        Failure failure = new Failure();
        Thread second = new Thread(() -> {
            try {
                writeEach(theirs, input, outDir);
            } catch (IOException | RuntimeException | Error e) {
                failure.thrown = e;
            }
        }, "loopguard-report-writer");
        second.start();
        try {
            writeEach(mine, input, outDir);
        } finally {
            Uninterruptibly.join(second);
        }
        failure.rethrow();
        return outDir.resolve(HTML);
    }

    private static void writeEach(List<ReportFormat> formats, ReportFormat.Input input, Path outDir)
            throws IOException {
        for (ReportFormat format : formats) {
            format.write(input, outDir.resolve(format.fileName()));
        }
    }

    /** The version of these reports (the jar's {@code Implementation-Version}), {@code dev} in an IDE. */
    public static String toolVersion() {
        String version = ReportFiles.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Appendable out) throws IOException;
    }

    /** Writes {@code target} (UTF-8) through a temporary file in the same directory and a rename. */
    public static void write(Path target, Content content) throws IOException {
        try (AtomicFile file = AtomicFile.create(target)) {
            TextBuffer out = new TextBuffer(file.writer());
            content.writeTo(out);
            out.drain();
            file.commit();
        }
    }

    /** What the second writer thread threw, rethrown on the caller's thread. */
    private static final class Failure {
        volatile Throwable thrown;

        void rethrow() throws IOException {
            Throwable t = thrown;
            if (t instanceof IOException e) {
                throw e;
            }
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }
    }
}
