package io.loopguard.report;

import io.loopguard.format.DataFileWriter;
import io.loopguard.report.check.Verdicts;
import io.loopguard.report.html.HtmlReport;
import io.loopguard.report.junit.JUnitXmlWriter;
import io.loopguard.report.sarif.SarifWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Every report format, in one explicit list (no class-path scanning); each entry is a small adapter. */
public final class ReportFormats {

    /** The single-file HTML report (report-html module; the agent writes the same file at exit). */
    static final ReportFormat HTML = new ReportFormat() {
        @Override
        public String fileName() {
            return HtmlReport.INDEX;
        }

        @Override
        public int weight() {
            return 107;
        }

        @Override
        public void write(Input input, Path target) throws IOException {
            HtmlReport.write(input.report(), Verdicts.of(input.check()), input.sources(), target);
        }
    };

    /** The merged data, in the {@code loopguard/1} format (not named {@code loopguard-*.json}: never merged again). */
    static final ReportFormat JSON = new ReportFormat() {
        @Override
        public String fileName() {
            return "loopguard.json";
        }

        @Override
        public int weight() {
            return 151;
        }

        @Override
        public void write(Input input, Path target) throws IOException {
            DataFileWriter.writeAtomically(input.report().toDataFile(), target);
        }
    };

    /** SARIF 2.1.0, for code-scanning tools. */
    static final ReportFormat SARIF = new ReportFormat() {
        @Override
        public String fileName() {
            return "loopguard.sarif";
        }

        @Override
        public int weight() {
            return 402;
        }

        @Override
        public void write(Input input, Path target) throws IOException {
            ReportFiles.write(target, out -> SarifWriter.write(input.report(), input.check(), input.sources(),
                    input.toolVersion(), out));
        }
    };

    /** JUnit XML, for CI test tabs. */
    static final ReportFormat JUNIT = new ReportFormat() {
        @Override
        public String fileName() {
            return "TEST-loopguard.xml";
        }

        @Override
        public int weight() {
            return 126;
        }

        @Override
        public void write(Input input, Path target) throws IOException {
            int[] leftOut = new int[1];
            ReportFiles.write(target, out -> leftOut[0] = JUnitXmlWriter.write(input.report(), input.check(),
                    input.sources(), out));
            if (leftOut[0] > 0) {
                input.warnings().accept(target.getFileName() + " lists " + (input.check().verdicts().size() - leftOut[0])
                        + " of " + input.check().verdicts().size() + " call sites: the rest would make it larger than "
                        + JUnitXmlWriter.MAX_BYTES / 1_000_000 + " MB, which GitLab rejects (index.html and"
                        + " loopguard.json have every call site)");
            }
        }
    };

    /** Every format {@link ReportFiles#writeAll} writes. */
    public static final List<ReportFormat> ALL = List.of(HTML, JSON, SARIF, JUNIT);

    private ReportFormats() {
    }
}
