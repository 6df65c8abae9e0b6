package io.loopguard.maven;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFileException;
import io.loopguard.report.check.Baseline;
import io.loopguard.report.model.LoadResult;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes (or extends) the baseline from the module's data files: every call site seen becomes "known", so
 * {@code check} fails only on new ones. Creation is explicit (this goal); commit the file. Without {@code prune} fixed
 * entries are kept and listed; with it they are removed.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractReportMojo {

    /** Remove entries whose call site was not seen in this build. */
    @Parameter(property = "loopguard.prune", defaultValue = "false")
    boolean prune;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping loopguard execution because property loopguard.skip is set.");
            return;
        }
        File file = baseline != null ? baseline : new File(project.getBasedir(), "loopguard-baseline.json");
        LoadResult loaded = loadData("baseline");
        if (loaded == null) {
            return;
        }
        if (!loaded.clean()) {
            // A baseline from partial input would forget (or, with prune, drop) real call sites.
            throw new MojoExecutionException("loopguard baseline not written: not every data file was readable");
        }
        List<CallSite> sites = merge(loaded).callSites();
        Baseline previous = Baseline.of(List.of());
        if (file.isFile()) {
            try {
                previous = Baseline.read(file.toPath());
            } catch (DataFileException e) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
        }
        List<Baseline.Entry> fixed = previous.fixedIn(sites);
        Baseline updated = previous.updatedWith(sites, prune);
        try {
            updated.write(file.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + file + ": " + e, e);
        }
        int added = updated.entries().size() - previous.entries().size() + (prune ? fixed.size() : 0);
        getLog().info("loopguard baseline " + file + ": " + updated.entries().size() + " entries (" + added + " new, "
                + fixed.size() + " not seen" + (prune ? ", removed" : ", kept; -Dloopguard.prune=true removes them")
                + ").");
    }
}
