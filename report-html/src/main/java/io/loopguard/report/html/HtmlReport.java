package io.loopguard.report.html;

import io.loopguard.format.DataFile;
import io.loopguard.format.io.AtomicFile;
import io.loopguard.format.json.TextBuffer;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code index.html}. Never prints anything: inside the agent stdout belongs to the application (and to
 * Surefire's fork protocol), so problems surface as exceptions or, for unreadable data files, inside the report.
 *
 * <p>{@link #writeIndex} runs inside the user's JVM at exit (the agent's {@code report=html}), so everything it
 * reaches — here, in {@code io.loopguard.report.model} and in {@code io.loopguard.format} — is written for a cold
 * JVM: no lambdas, method references or streams (each first use bootstraps {@code LambdaMetafactory}), no regular
 * expressions or globs, no {@code String.format}, no {@code java.time.format}, no {@code Files.createTempFile}
 * ({@code SecureRandom}). {@code ExitPathIT} checks this on the class-load log of a forked JVM.
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
        return writeIndex(dir, InputFiles.load(InputFiles.dataFilesIn(dir)));
    }

    /**
     * As {@link #writeIndex(Path)}, with the data file this JVM has just written ({@code written}, holding
     * {@code data}) taken as it is instead of read back; the other {@code loopguard-*.json} files in {@code dir} are
     * read as usual. The agent's exit: reading its own file back, cold (the file, the JSON reader's classes), was about
     * a fifth of the report's time there.
     */
    public static Path writeIndex(Path dir, Path written, DataFile data) throws IOException {
        List<Path> paths = InputFiles.dataFilesIn(dir);
        int own = paths.indexOf(written);
        if (own < 0) {
            return writeIndex(dir, InputFiles.load(paths));
        }
        List<Path> others = new ArrayList<>(paths);
        others.remove(own);
        LoadResult read = others.isEmpty() ? new LoadResult(List.of(), List.of()) : InputFiles.load(others);
        List<LoadResult.Loaded> files = new ArrayList<>(read.files());
        int at = 0;
        while (at < files.size() && files.get(at).path().compareTo(written) < 0) {
            at++;
        }
        files.add(at, new LoadResult.Loaded(written, data));
        return writeIndex(dir, new LoadResult(files, read.failures()));
    }

    private static Path writeIndex(Path dir, LoadResult loaded) throws IOException {
        Path target = dir.resolve(INDEX);
        write(Merger.merge(loaded), target);
        return target;
    }

    /** Writes the report for {@code report} to {@code target} atomically, creating parent directories. */
    public static void write(MergedReport report, Path target) throws IOException {
        write(report, null, target);
    }

    /**
     * As {@link #write(MergedReport, Path)}, with the check's {@code verdict} at the top of the page (null when no
     * check ran, as at the agent's exit).
     */
    public static void write(MergedReport report, Verdict verdict, Path target) throws IOException {
        write(report, verdict, null, target);
    }

    /**
     * As {@link #write(MergedReport, Verdict, Path)}, with each call site's application frame linked to its source
     * through {@code sources} ({@link SourcePaths#linkOf}); {@code null} links nothing.
     */
    public static void write(MergedReport report, Verdict verdict, SourcePaths sources, Path target)
            throws IOException {
        try (AtomicFile file = AtomicFile.create(target)) {
            TextBuffer out = new TextBuffer(file.writer());
            Template template = Template.load();
            out.append(template.before());
            ReportData.write(report, verdict, sources, target.toAbsolutePath().getParent(), version(), Instant.now(),
                    out);
            out.append(template.after());
            out.drain();
            file.commit();
        }
    }

    /** Renders the report as HTML; {@code generatedAt} is shown in the footer. */
    public static void render(MergedReport report, Instant generatedAt, Appendable out) throws IOException {
        render(report, null, generatedAt, out);
    }

    /** Renders the report as HTML with the check's {@code verdict} (or none) at the top. */
    public static void render(MergedReport report, Verdict verdict, Instant generatedAt, Appendable out)
            throws IOException {
        Template template = Template.load();
        out.append(template.before());
        ReportData.write(report, verdict, null, null, version(), generatedAt, out);
        out.append(template.after());
    }

    static String version() {
        String version = HtmlReport.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
