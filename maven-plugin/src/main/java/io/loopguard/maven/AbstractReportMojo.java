package io.loopguard.maven;

import io.loopguard.format.Category;
import io.loopguard.format.DataFileException;
import io.loopguard.report.ReportFiles;
import io.loopguard.report.check.Baseline;
import io.loopguard.report.check.CheckResult;
import io.loopguard.format.Durations;
import io.loopguard.format.TerminalText;
import io.loopguard.report.check.Rules;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import io.loopguard.report.model.SourcePaths;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code report}, {@code check} and {@code baseline} share: the module's data files, the rules and baseline
 * (parameters of the reports library's {@link Rules}), and the source roots that turn {@code Foo.java} into a
 * repository-relative path.
 */
abstract class AbstractReportMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /**
     * Packages that are the application's code: the frame reports point at, SARIF's code flows. Default: the
     * packages of the sources of this build's modules.
     */
    @Parameter(property = "loopguard.appPackages")
    List<String> appPackages;

    /** This execution: bound to the lifecycle, or called by hand ({@code default-cli}). */
    @Parameter(defaultValue = "${mojoExecution}", readonly = true)
    MojoExecution mojoExecution;

    /** Skips the goal. */
    @Parameter(property = "loopguard.skip", defaultValue = "false")
    boolean skip;

    /** Where the agent wrote its {@code loopguard-*.json} files (prepare-agent's {@code output}). */
    @Parameter(property = "loopguard.output", defaultValue = "${project.build.directory}/loopguard")
    File dataDirectory;

    /** Where index.html, loopguard.json, loopguard.sarif and TEST-loopguard.xml are written. */
    @Parameter(property = "loopguard.reportDirectory", defaultValue = "${project.build.directory}/loopguard")
    File outputDirectory;

    /**
     * The directory report paths are relative to (SARIF needs repository-relative paths). Default: the nearest
     * directory above the module that holds {@code .git}, else the directory Maven was started in.
     */
    /**
     * How the HTML report links a call site's application frame to its source: a template with {@code {path}}
     * (relative to {@link #repositoryRoot}), {@code {absolutePath}} and {@code {line}}, e.g.
     * {@code vscode://file/{absolutePath}:{line}} or {@code https://github.com/OWNER/REPO/blob/main/{path}#L{line}}.
     * Default: a relative link to the file, when a source root of the build holds it.
     */
    @Parameter(property = "loopguard.sourceLinks")
    String sourceLinks;

    @Parameter(property = "loopguard.repositoryRoot")
    File repositoryRoot;

    /**
     * Rule: the number of (not baselined) blocking call sites that is still acceptable. Default 0: any blocking call
     * on an event loop fails. (User property {@code loopguard.check.maxSites}: {@code loopguard.maxSites} is the
     * agent's own bound on recorded sites.)
     */
    @Parameter(property = "loopguard.check.maxSites", defaultValue = "0")
    int maxSites;

    /** Rule: a call site counts only when it blocked longer than this in total ({@code 5ms}, {@code 1s}); default: all count. */
    @Parameter(property = "loopguard.maxBlocked")
    String maxBlocked;

    /** Rule: the categories checked ({@code sleep}, {@code jdbc}, {@code file}, ...); default: all. */
    @Parameter(property = "loopguard.categories")
    List<String> categories;

    /**
     * Rule: accept data known to be incomplete. By default a data file with {@code droppedCalls > 0} (the agent's
     * {@code maxSites} bound was reached, calls of further call sites were not recorded) fails the check.
     */
    @Parameter(property = "loopguard.allowDroppedCalls", defaultValue = "false")
    boolean allowDroppedCalls;

    /** Baseline file of known call sites that do not fail the check (written by the {@code baseline} goal). */
    @Parameter(property = "loopguard.baseline")
    File baseline;

    /** The module's data files, or {@code null} (logged) when there are none. */
    LoadResult loadData(String goal) {
        io.loopguard.format.Frame.applicationPackages(appPackages != null && !appPackages.isEmpty() ? appPackages
                : SourcePackages.of(session == null || session.getProjects() == null ? List.of(project)
                : session.getProjects()));
        List<Path> files;
        Path dir = dataDirectory.toPath();
        try {
            files = Files.isDirectory(dir) ? InputFiles.inputFilesIn(dir) : List.of(); // data files and *.jfr
        } catch (IOException e) {
            getLog().warn("Cannot list " + dir + ": " + e);
            files = List.of();
        }
        files = withoutEarlierBuilds(files);
        if (files.isEmpty()) {
            getLog().info("Skipping loopguard " + goal + ": no " + InputFiles.DATA_FILE_GLOB + " in " + dir
                    + " (no tests ran under prepare-agent here; note that forkCount=0 runs tests without the agent).");
            return null;
        }
        LoadResult loaded = InputFiles.load(files);
        loaded.failures().forEach(f -> getLog().error(TerminalText.escape(f.getMessage())));
        return loaded;
    }

    /**
     * Bound to the lifecycle ({@code mvn verify}), a goal reads only the data files of this build: one written before
     * the build started is an earlier build's (tests skipped or removed since) and must decide nothing. Called by hand
     * ({@code mvn loopguard:check} after a build), it reads what is there. A slack of two seconds covers file systems
     * with coarse timestamps.
     */
    List<Path> withoutEarlierBuilds(List<Path> files) {
        Date start = session == null ? null : session.getRequest().getStartTime();
        if (start == null || mojoExecution == null || "default-cli".equals(mojoExecution.getExecutionId())) {
            return files;
        }
        long cutoff = start.getTime() - 2_000;
        List<Path> current = new ArrayList<>();
        List<String> earlier = new ArrayList<>();
        for (Path file : files) {
            try {
                if (Files.getLastModifiedTime(file).toMillis() < cutoff) {
                    earlier.add(file.getFileName().toString());
                    continue;
                }
            } catch (IOException e) {
                // unreadable metadata: let the reader report the file
            }
            current.add(file);
        }
        if (!earlier.isEmpty()) {
            getLog().info("Ignoring " + earlier.size() + " loopguard data file(s) written before this build started "
                    + "(an earlier build's): " + TerminalText.escape(String.join(", ", earlier)));
        }
        return current;
    }

    Rules rules() throws MojoExecutionException {
        try {
            long blocked = maxBlocked == null || maxBlocked.isBlank() ? Rules.NO_LIMIT : Durations.parseNanos(maxBlocked);
            Set<Category> checked = categories == null ? Set.of() : categories.stream()
                    .flatMap(c -> List.of(c.split("[,:]")).stream()).map(String::trim).filter(c -> !c.isEmpty())
                    .map(Category::fromId).collect(Collectors.toSet());
            return new Rules(maxSites, blocked, checked, allowDroppedCalls);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("invalid loopguard rule: " + e.getMessage(), e);
        }
    }

    /** The configured baseline, {@code null} without one. */
    Baseline readBaseline() throws MojoExecutionException {
        if (baseline == null) {
            return null;
        }
        if (!baseline.isFile()) {
            throw new MojoExecutionException("loopguard baseline " + baseline + " does not exist. Create it from the "
                    + "current call sites with: mvn verify loopguard:baseline -Dloopguard.haltOnFailure=false");
        }
        try {
            return Baseline.read(baseline.toPath());
        } catch (DataFileException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    MergedReport merge(LoadResult loaded) {
        return Merger.merge(loaded);
    }

    /** Source roots of this module first, then of the other modules of the build (stacks cross modules). */
    SourcePaths sourcePaths() {
        Set<Path> roots = new LinkedHashSet<>();
        addRoots(roots, project);
        List<MavenProject> all = session.getProjects() == null ? List.of() : session.getProjects();
        for (MavenProject other : all) {
            if (other != project) {
                addRoots(roots, other);
            }
        }
        return new SourcePaths(new ArrayList<>(roots), base(), sourceLinks);
    }

    private static void addRoots(Set<Path> roots, MavenProject p) {
        for (List<String> list : List.of(p.getCompileSourceRoots(), p.getTestCompileSourceRoots())) {
            list.forEach(r -> roots.add(Path.of(r).toAbsolutePath().normalize()));
        }
    }

    private Path base() {
        if (repositoryRoot != null) {
            return repositoryRoot.toPath().toAbsolutePath().normalize();
        }
        for (Path dir = project.getBasedir().toPath().toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir;
            }
        }
        return Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
    }

    /** Writes HTML, merged JSON, SARIF and JUnit XML; returns index.html. */
    Path writeReports(MergedReport report, CheckResult result, SourcePaths sources) throws MojoExecutionException {
        try {
            return ReportFiles.writeAll(report, result, sources, ReportFiles.toolVersion(), outputDirectory.toPath(),
                    getLog()::warn);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the loopguard report to " + outputDirectory + ": " + e, e);
        }
    }
}
