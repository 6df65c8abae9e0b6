package io.loopguard.report.cli;

import io.loopguard.format.Category;
import io.loopguard.format.DataFileException;
import io.loopguard.format.TerminalText;
import io.loopguard.report.ReportFiles;
import io.loopguard.report.check.Baseline;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.format.Durations;
import io.loopguard.report.check.Rules;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.check.ViolationLines;
import io.loopguard.report.github.GitHubActions;
import io.loopguard.report.model.SourcePaths;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/** {@code check [rules] FILE|DIR...}: the CI gate. */
final class CheckCommand {

    private final Logger log;
    private final PrintStream out;

    private final Map<String, String> environment;

    CheckCommand(Logger log, PrintStream out, Map<String, String> environment) {
        this.log = log;
        this.out = out;
        this.environment = environment;
    }

    int run(List<String> args) throws UsageException, IOException {
        Arguments a = Arguments.parse(args,
                Set.of("max-sites", "max-blocked", "categories", "baseline", "out", "source-roots", "source-links", "app-packages"),
                Set.of("allow-dropped"));
        Inputs.applicationPackages(a.get("app-packages"));
        List<Path> inputs = a.requireInputs();
        Rules rules = rules(a).withAllowDropped(a.flag("allow-dropped"));
        Baseline baseline = null;
        if (a.get("baseline") != null) {
            try {
                baseline = Baseline.read(Path.of(a.get("baseline")));
            } catch (DataFileException e) {
                log.error(TerminalText.escape(e.getMessage()));
                return Main.BAD_INPUT;
            }
        }
        Inputs.Loaded loaded = Inputs.load(inputs, log);
        if (loaded == null) {
            return Main.BAD_INPUT;
        }
        SourcePaths sources = Inputs.sources(a.get("source-roots"), a.get("source-links"));
        CheckResult result = Checker.check(loaded.report(), rules, baseline);
        List<SiteVerdict> violations = result.with(SiteVerdict.Status.VIOLATION);
        violations.forEach(v -> line(ViolationLines.format(v.site(), sources)));
        for (CheckResult.Problem problem : result.problems()) {
            line((problem.fails() ? "" : "warning: ") + problem.message());
        }
        int baselined = result.with(SiteVerdict.Status.BASELINED).size();
        if (result.passed()) {
            line("All loopguard checks have been met (" + rules.describe() + "; "
                    + loaded.report().callSites().size() + " call sites, " + baselined + " baselined).");
        } else {
            if (result.hasViolations()) {
                line(violations.size() + " blocking call sites on event-loop threads violate the rules ("
                        + rules.describe() + (baselined > 0 ? "; " + baselined + " more are baselined" : "") + ").");
            }
            List<CheckResult.Problem> failing = result.failingProblems();
            if (!failing.isEmpty()) {
                boolean dropped = failing.stream().anyMatch(p -> CheckResult.Problem.DROPPED_CALLS.equals(p.kind()));
                line("The loopguard check failed: the data cannot be trusted (" + failing.size()
                        + (failing.size() == 1 ? " problem" : " problems") + " above)."
                        + (dropped ? " Raise the agent's maxSites, or accept incomplete data with --allow-dropped."
                        : ""));
            }
        }
        if (!result.fixed().isEmpty()) {
            line(result.fixed().size() + " baseline entries fixed since the baseline (no longer seen): "
                    + result.fixed().stream().map(e -> e.category() + " " + e.blockingMethod() + " at " + e.at())
                    .collect(Collectors.joining("; "))
                    + ". Remove them with: baseline --write " + a.get("baseline") + " --prune FILE|DIR...");
        }
        Path html = ReportFiles.writeAll(loaded.report(), result, sources, ReportFiles.toolVersion(),
                Inputs.outDir(a.get("out"), inputs), log::warn);
        line("See the report at: " + html.toAbsolutePath().toUri());
        GitHubActions github = GitHubActions.from(environment);
        if (github != null) {
            github.annotate(result, sources, out);
            github.writeSummary(result, sources);
        }
        if (!loaded.clean()) {
            return Main.BAD_INPUT; // a gate that could not read all its input must not pass
        }
        return result.passed() ? Main.OK : Main.VIOLATIONS;
    }

    /** Prints one line of results; data-file strings in it (thread names, paths, errors) are escaped. */
    private void line(String text) {
        out.println(TerminalText.escape(text));
    }

    private static Rules rules(Arguments a) throws UsageException {
        int maxSites = 0;
        if (a.get("max-sites") != null) {
            try {
                maxSites = Integer.parseInt(a.get("max-sites").trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--max-sites: expected a number, got '" + a.get("max-sites") + "'");
            }
            if (maxSites < 0) {
                throw new UsageException("--max-sites must not be negative");
            }
        }
        long maxBlocked = Rules.NO_LIMIT;
        try {
            if (a.get("max-blocked") != null) {
                maxBlocked = Durations.parseNanos(a.get("max-blocked"));
            }
            Set<Category> categories = a.get("categories") == null ? Set.of()
                    : Arrays.stream(a.get("categories").split("[,:]")).map(String::trim).filter(s -> !s.isEmpty())
                    .map(Category::fromId).collect(Collectors.toSet());
            return new Rules(maxSites, maxBlocked, categories);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
