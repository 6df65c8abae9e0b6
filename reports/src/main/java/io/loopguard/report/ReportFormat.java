package io.loopguard.report;

import io.loopguard.report.check.CheckResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One report file format. Adding a format is one class implementing this plus one line in {@link ReportFormats#ALL};
 * the CLI's {@code report} and {@code check}, and the Maven goals, then write it beside the others.
 */
public interface ReportFormat {

    /** The file's name in the report directory, e.g. {@code loopguard.sarif}. */
    String fileName();

    /**
     * Relative cost of writing this format at scale (milliseconds at 10,000 sites, bench/results.md), used only to
     * share the formats fairly between the two writer threads.
     */
    int weight();

    /** Writes {@code target} atomically (through a temporary file and a rename). */
    void write(Input input, Path target) throws IOException;

    /**
     * What every format is made from; all of it is immutable and may be read by several writers at once.
     * {@code warnings} takes one line per thing a format had to leave out (e.g. JUnit XML's size cap), from any
     * writer thread.
     */
    record Input(MergedReport report, CheckResult check, SourcePaths sources, String toolVersion,
                 Consumer<String> warnings) {

        /** Without a place for warnings. */
        public Input(MergedReport report, CheckResult check, SourcePaths sources, String toolVersion) {
            this(report, check, sources, toolVersion, ignored -> { });
        }
    }
}
