package io.loopguard.report.github;

import io.loopguard.format.CallSite;
import io.loopguard.format.SiteWording;
import io.loopguard.format.Durations;
import io.loopguard.format.Frame;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.LocationGroup;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.check.Verdicts;
import io.loopguard.report.check.ViolationLines;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * What {@code check} adds on GitHub Actions: one {@code ::error file=…,line=…::} annotation per violating call site
 * (GitHub shows the first {@value #MAX_ERRORS} error annotations of a step and drops the rest silently, so the
 * eleventh and later become one line saying how many more), and a Markdown summary appended to
 * {@code $GITHUB_STEP_SUMMARY}. Workflow commands are recognised only at the start of a stdout line, so callers print
 * them raw (the Maven plugin bypasses its log prefix for them).
 */
public final class GitHubActions {
    /** GitHub's per-step limit on error annotations. */
    public static final int MAX_ERRORS = 10;
    /** Rows of the summary table; the rest are counted (the summary file is capped at 1 MiB by GitHub). */
    static final int MAX_SUMMARY_ROWS = 50;

    private final Path stepSummary;

    private GitHubActions(Path stepSummary) {
        this.stepSummary = stepSummary;
    }

    /** The GitHub output for this environment, or null when not running on GitHub Actions. */
    public static GitHubActions from(Map<String, String> environment) {
        if (!"true".equals(environment.get("GITHUB_ACTIONS"))) {
            return null;
        }
        String summary = environment.get("GITHUB_STEP_SUMMARY");
        return new GitHubActions(summary == null || summary.isBlank() ? null : Path.of(summary));
    }

    /** Prints the annotations of {@code result} to {@code out} (stdout of the step). */
    public void annotate(CheckResult result, SourcePaths sources, PrintStream out) {
        // One annotation per application line, as SARIF has one result: call sites that reach the same line by
        // different paths would otherwise fill GitHub's few annotations with copies at one place.
        List<LocationGroup> locations = LocationGroup.of(result.with(SiteVerdict.Status.VIOLATION));
        for (int i = 0; i < Math.min(locations.size(), MAX_ERRORS); i++) {
            out.println(annotation(locations.get(i).merged(), sources));
        }
        if (locations.size() > MAX_ERRORS) {
            out.println("::warning title=loopguard::" + escapeData((locations.size() - MAX_ERRORS)
                    + " more blocking call sites are not annotated (GitHub shows " + MAX_ERRORS
                    + " error annotations per step): see the step summary and the loopguard report"));
        }
        for (CheckResult.Problem problem : result.failingProblems()) {
            out.println("::error title=loopguard data::" + escapeData(problem.message()));
        }
    }

    /** {@code ::error file=src/…/A.java,line=42,title=loopguard: blocking jdbc call::message}. */
    static String annotation(CallSite site, SourcePaths sources) {
        StringBuilder command = new StringBuilder("::error ");
        int primary = StackFrames.primaryFrameIndex(site);
        if (primary >= 0) {
            Frame frame = site.stack().get(primary);
            command.append("file=").append(escapeProperty(sources.pathOf(frame)));
            if (frame.lineNumber() > 0) {
                command.append(",line=").append(frame.lineNumber());
            }
            command.append(',');
        }
        command.append("title=").append(escapeProperty("loopguard: " + SiteWording.kind(site.category())));
        String message = SiteWording.sentence(site.category(), site.blockingMethod()) + " on event-loop thread "
                + (site.threads().isEmpty() ? "?" : site.threads().get(0)) + " (" + site.count()
                + (site.count() == 1 ? " call, " : " calls, ") + Durations.format(site.totalNanos()) + " blocked)"
                + ViolationLines.during(site) + (site.detail() == null ? ""
                        : "\n" + SiteWording.detailLabel(site.category()) + ": " + site.detail());
        return command.append("::").append(escapeData(message)).toString();
    }

    /** Appends the Markdown summary to {@code $GITHUB_STEP_SUMMARY}; does nothing when the variable is not set. */
    public void writeSummary(CheckResult result, SourcePaths sources) throws IOException {
        if (stepSummary == null) {
            return;
        }
        Files.writeString(stepSummary, summary(result, sources), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static String summary(CheckResult result, SourcePaths sources) {
        StringBuilder md = new StringBuilder();
        md.append("## loopguard: ").append(result.passed() ? "passed \u2705" : "failed \u274c").append("\n\n");
        md.append(markdown(Verdicts.of(result).summary())).append("\n\n");
        List<SiteVerdict> violations = result.with(SiteVerdict.Status.VIOLATION);
        int baselined = result.with(SiteVerdict.Status.BASELINED).size();
        md.append("| new (failing) | baselined | baseline entries fixed |\n|---:|---:|---:|\n| ")
                .append(violations.size()).append(" | ").append(baselined).append(" | ")
                .append(result.fixed().size()).append(" |\n\n");
        for (CheckResult.Problem problem : result.failingProblems()) {
            md.append("- **data problem:** ").append(markdown(problem.message())).append('\n');
        }
        if (!violations.isEmpty()) {
            md.append("| where | category | blocking method | calls | blocked | tests |\n|---|---|---|---:|---:|---|\n");
            for (int i = 0; i < Math.min(violations.size(), MAX_SUMMARY_ROWS); i++) {
                CallSite site = violations.get(i).site();
                int primary = StackFrames.primaryFrameIndex(site);
                String where = primary < 0 ? "(no stack)" : sources.pathOf(site.stack().get(primary)) + ":"
                        + Math.max(1, site.stack().get(primary).lineNumber());
                md.append("| `").append(code(where)).append("` | ").append(site.category()).append(" | `")
                        .append(code(site.blockingMethod())).append("` | ").append(site.count()).append(" | ")
                        .append(Durations.format(site.totalNanos())).append(" | ")
                        .append(markdown(String.join(", ", site.tests()))).append(" |\n");
            }
            if (violations.size() > MAX_SUMMARY_ROWS) {
                md.append("\n\u2026 and ").append(violations.size() - MAX_SUMMARY_ROWS)
                        .append(" more: see the loopguard report.\n");
            }
        }
        return md.append('\n').toString();
    }

    /** Workflow-command data: {@code %}, CR and LF are escaped (GitHub's toolkit does the same). */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Workflow-command property values: also {@code :} and {@code ,}, which end a property. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    /** Text in a Markdown table cell: no line breaks, no cell separator, no HTML. */
    private static String markdown(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** Text in an inline code span of a table cell. */
    private static String code(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("|", "\\|").replace("`", "'");
    }
}
