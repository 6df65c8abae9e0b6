package io.loopguard.maven;

import io.loopguard.format.DataFileWriter;
import io.loopguard.report.model.InputFiles;
import io.loopguard.report.model.LoadResult;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Merges the data files of several modules into one {@code loopguard/1} file, for a report or check over a whole
 * multi-module build: run it in a module that the reactor builds after the others (one that depends on them, as for
 * JaCoCo's report-aggregate; a parent POM is built first), then point {@code report}/{@code check}'s
 * {@code dataDirectory} at the merged file's directory.
 */
@Mojo(name = "merge", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class MergeMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Skips the goal. */
    @Parameter(property = "loopguard.skip", defaultValue = "false")
    boolean skip;

    /**
     * Directories whose {@code loopguard-*.json} files are merged. Default: {@code target/loopguard} of every module
     * of this build.
     */
    @Parameter
    List<File> dataDirectories;

    /** The merged file; its name matches {@code loopguard-*.json}, so report and check read it from its directory. */
    @Parameter(property = "loopguard.mergeFile", defaultValue = "${project.build.directory}/loopguard-merged/loopguard-merged.json")
    File destFile;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping loopguard execution because property loopguard.skip is set.");
            return;
        }
        Path dest = destFile.toPath().toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        for (File dir : directories()) {
            if (!dir.isDirectory()) {
                continue;
            }
            try {
                for (Path file : InputFiles.dataFilesIn(dir.toPath())) {
                    if (!file.toAbsolutePath().normalize().equals(dest)) { // never merge an earlier merge into itself
                        files.add(file);
                    }
                }
            } catch (IOException e) {
                throw new MojoExecutionException("cannot list " + dir + ": " + e, e);
            }
        }
        if (files.isEmpty()) {
            // An earlier build's merge must not stand in for this build's data: a check over it would fail on calls
            // fixed since (or pass on calls added since).
            try {
                if (Files.deleteIfExists(dest)) {
                    getLog().info("Removed the merged loopguard data of an earlier build: " + dest);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("cannot remove the stale merged file " + dest + ": " + e, e);
            }
            getLog().info("Skipping loopguard merge: no " + InputFiles.DATA_FILE_GLOB + " in " + directories()
                    + " (no tests ran under prepare-agent in this build)");
            return;
        }
        LoadResult loaded = InputFiles.load(files);
        loaded.failures().forEach(f -> getLog().error(io.loopguard.format.TerminalText.escape(f.getMessage())));
        if (!loaded.clean()) {
            throw new MojoExecutionException("loopguard merge: " + loaded.failures().size()
                    + " data file(s) could not be read (see above); a partial merge would hide call sites");
        }
        MergedReport report = Merger.merge(loaded);
        try {
            Files.createDirectories(dest.getParent());
            DataFileWriter.writeAtomically(report.toDataFile(), dest);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + dest + ": " + e, e);
        }
        getLog().info("Merged " + files.size() + " loopguard data files (" + report.callSites().size()
                + " call sites) into " + dest);
    }

    private List<File> directories() {
        if (dataDirectories != null && !dataDirectories.isEmpty()) {
            return dataDirectories;
        }
        List<File> dirs = new ArrayList<>();
        for (MavenProject p : session.getProjects()) {
            dirs.add(new File(p.getBuild().getDirectory(), "loopguard"));
        }
        return dirs;
    }
}
