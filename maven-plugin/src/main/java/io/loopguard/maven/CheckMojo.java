package io.loopguard.maven;

import io.loopguard.format.TerminalText;
import io.loopguard.report.check.Baseline;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.check.ViolationLines;
import io.loopguard.report.github.GitHubActions;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The CI gate: applies the rules and the baseline to the module's data files (the reports library decides), writes the
 * reports, logs one {@code path:line: ...} line per violation and fails the build. No data files: skipped with a
 * message; unreadable data files fail the check (a gate that could not read its input must not pass).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractReportMojo {
    /** The process environment ({@code GITHUB_ACTIONS}, {@code GITHUB_STEP_SUMMARY}); tests set their own. */
    Map<String, String> environment = System.getenv();
    /** Where workflow commands go; tests capture it. */
    PrintStream stdout = System.out;

    /** Fail the build on violations; {@code false} only logs them as warnings. */
    @Parameter(property = "loopguard.haltOnFailure", defaultValue = "true")
    boolean haltOnFailure;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping loopguard execution because property loopguard.skip is set.");
            return;
        }
        LoadResult loaded = loadData("check");
        if (loaded == null) {
            return;
        }
        if (loaded.files().isEmpty()) {
            fail("loopguard check: no data file in " + dataDirectory + " could be read (see the errors above).");
            return;
        }
        Rules rules = rules();
        Baseline known;
        if (baseline != null && !baseline.isFile() && !haltOnFailure) {
            // The adoption run (mvn verify loopguard:baseline -Dloopguard.haltOnFailure=false) has no baseline yet.
            getLog().warn("loopguard baseline " + baseline + " does not exist yet: checking without it.");
            known = null;
        } else {
            known = readBaseline();
        }
        MergedReport report = merge(loaded);
        SourcePaths sources = sourcePaths();
        CheckResult result = Checker.check(report, rules, known);
        Path html = writeReports(report, result, sources);
        githubActions(result, sources);
        String link = "See the report at: " + html.toAbsolutePath().toUri();
        int baselined = result.with(SiteVerdict.Status.BASELINED).size();
        if (!result.fixed().isEmpty()) {
            getLog().info(result.fixed().size() + " baseline entries were not seen (fixed, or not exercised): "
                    + result.fixed().stream().map(e -> e.category() + " " + e.blockingMethod() + " at " + e.at())
                    .collect(Collectors.joining("; ")) + ". Remove them with: mvn verify loopguard:baseline "
                    + "-Dloopguard.prune=true");
        }
        List<SiteVerdict> violations = result.with(SiteVerdict.Status.VIOLATION);
        for (CheckResult.Problem problem : result.problems()) {
            String line = TerminalText.escape(problem.message());
            if (problem.fails() && haltOnFailure) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        if (result.passed() && loaded.clean()) {
            getLog().info("All loopguard checks have been met (" + rules.describe() + "; "
                    + report.callSites().size() + " call sites, " + baselined + " baselined). " + link);
            return;
        }
        for (SiteVerdict violation : violations) {
            String line = ViolationLines.format(violation.site(), sources);
            if (haltOnFailure) {
                getLog().error(line);
            } else {
                getLog().warn(line);
            }
        }
        List<CheckResult.Problem> failing = result.failingProblems();
        String problems = failing.isEmpty() ? "" : (violations.isEmpty() ? "" : " ")
                + "The loopguard data cannot be trusted (" + failing.size()
                + (failing.size() == 1 ? " problem" : " problems") + " above)."
                + (failing.stream().anyMatch(p -> CheckResult.Problem.DROPPED_CALLS.equals(p.kind()))
                ? " Raise the agent's maxSites, or accept incomplete data with allowDroppedCalls "
                + "(-Dloopguard.allowDroppedCalls=true)." : "");
        String summary = violations.isEmpty()
                ? (failing.isEmpty() ? "loopguard checks could not read every data file (see the errors above)."
                : problems.trim())
                : violations.size() + (violations.size() == 1 ? " blocking call site on event-loop threads violates"
                : " blocking call sites on event-loop threads violate") + " the loopguard rules ("
                + rules.describe() + (baselined > 0 ? "; " + baselined + " more are baselined" : "") + ")." + problems;
        getLog().warn(link);
        fail(summary + " " + link);
    }

    /**
     * On GitHub Actions: annotations and the step summary. Workflow commands count only at the start of a stdout line,
     * and Maven's log would put {@code [ERROR] } before them, so they go to stdout directly.
     */
    private void githubActions(CheckResult result, SourcePaths sources) throws MojoExecutionException {
        GitHubActions github = GitHubActions.from(environment);
        if (github == null) {
            return;
        }
        github.annotate(result, sources, stdout);
        try {
            github.writeSummary(result, sources);
        } catch (java.io.IOException e) {
            getLog().warn("loopguard: cannot write the GitHub step summary: " + TerminalText.escape(e.toString()));
        }
    }

    private void fail(String message) throws MojoFailureException {
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + " (loopguard.haltOnFailure=false: the build goes on)");
    }
}
