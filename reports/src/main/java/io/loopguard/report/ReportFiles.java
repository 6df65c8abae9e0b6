package io.loopguard.report;

import io.loopguard.format.DataFileWriter;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.html.HtmlReport;
import io.loopguard.report.junit.JUnitXmlWriter;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.sarif.SarifWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the four report files into one directory, each atomically: {@value #HTML}, {@value #JSON} (the merge, in
 * the {@code loopguard/1} format; the name deliberately does not match {@code loopguard-*.json}, so a later merge of
 * the same directory does not count it twice), {@value #SARIF} and {@value #JUNIT}.
 */
public final class ReportFiles {

    public static final String HTML = HtmlReport.INDEX;
    public static final String JSON = "loopguard.json";
    public static final String SARIF = "loopguard.sarif";
    public static final String JUNIT = "TEST-loopguard.xml";

    private ReportFiles() {
    }

    /** Writes all files and returns the path of {@value #HTML}. */
    public static Path writeAll(MergedReport report, CheckResult check, SourcePaths sources, String version,
                                Path outDir) throws IOException {
        Files.createDirectories(outDir);
        DataFileWriter.writeAtomically(report.toDataFile(), outDir.resolve(JSON));
        write(outDir.resolve(SARIF), out -> SarifWriter.write(report, check, sources, version, out));
        write(outDir.resolve(JUNIT), out -> JUnitXmlWriter.write(report, check, sources, out));
        Path html = outDir.resolve(HTML);
        HtmlReport.write(report, html);
        return html;
    }

    /** The version of these reports (the jar's {@code Implementation-Version}), {@code dev} in an IDE. */
    public static String toolVersion() {
        String version = ReportFiles.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code target} through a temporary file in the same directory and a rename. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".loopguard-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            DataFileWriter.moveReplacing(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
