package io.loopguard.maven;

import io.loopguard.report.check.Baseline;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Merges the module's data files and writes {@code index.html}, {@code loopguard.json}, {@code loopguard.sarif}
 * (repository-relative paths) and {@code TEST-loopguard.xml}, judged by the same rules and baseline as
 * {@code check}, without failing the build. No data files: skipped with a message.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractReportMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping loopguard execution because property loopguard.skip is set.");
            return;
        }
        LoadResult loaded = loadData("report");
        if (loaded == null || loaded.files().isEmpty()) {
            return;
        }
        MergedReport report = merge(loaded);
        Baseline known = baseline != null && baseline.isFile() ? readBaseline() : null;
        CheckResult result = Checker.check(report, rules(), known);
        Path html = writeReports(report, result, sourcePaths());
        getLog().info(report.callSites().size() + " blocking call sites on event-loop threads. See the report at: "
                + html.toAbsolutePath().toUri());
    }
}
