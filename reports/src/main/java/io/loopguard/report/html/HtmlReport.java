package io.loopguard.report.html;

import io.loopguard.format.DataFileWriter;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes {@code index.html}. Never prints anything: inside the agent stdout belongs to the application (and to
 * Surefire's fork protocol), so problems surface as exceptions or, for unreadable data files, inside the report.
 */
public final class HtmlReport {

    /** Name of the report file in the output directory. */
    public static final String INDEX = "index.html";

    private HtmlReport() {
    }

    /**
     * Reads every {@code loopguard-*.json} in {@code dir} (skipping unreadable ones, which the report lists), merges
     * them, writes {@code dir/index.html} atomically and returns its path.
     */
    public static Path writeIndex(Path dir) throws IOException {
        LoadResult loaded = InputFiles.load(InputFiles.dataFilesIn(dir));
        Path target = dir.resolve(INDEX);
        write(Merger.merge(loaded), target);
        return target;
    }

    /** Writes the report for {@code report} to {@code target} atomically, creating parent directories. */
    public static void write(MergedReport report, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".loopguard-index-", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                render(report, Instant.now(), out);
            }
            DataFileWriter.moveReplacing(temp, absolute);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Renders the report as HTML; {@code generatedAt} is shown in the footer. */
    public static void render(MergedReport report, Instant generatedAt, Appendable out) throws IOException {
        Template template = Template.load();
        out.append(template.before());
        ReportData.write(report, version(), generatedAt, out);
        out.append(template.after());
    }

    static String version() {
        String version = HtmlReport.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
