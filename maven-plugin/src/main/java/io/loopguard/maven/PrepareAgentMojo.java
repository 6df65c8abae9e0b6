package io.loopguard.maven;

import io.loopguard.format.options.AgentOptions;
import io.loopguard.format.options.OptionException;
import io.loopguard.report.model.InputFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Prepends {@code -javaagent:<loopguard-agent.jar>=<options>} to the {@code argLine} property, so that Surefire (and
 * Failsafe) run the tests under the agent. The jar is resolved as an artifact of this plugin's version ({@link AgentJar}):
 * nobody types its path. Options are the agent's ({@code AgentOptions.builder()} in loopguard-format renders and
 * validates them, so a bad value fails here, not in a forked JVM).
 *
 * <p>Users who set Surefire's {@code <argLine>} themselves must write {@code <argLine>@{argLine} -Xmx1g</argLine>}
 * ({@code ${argLine}} is evaluated too early) and declare an empty {@code <argLine/>} property for builds where this
 * goal is skipped.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    List<RemoteRepository> pluginRepositories;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    String pluginVersion;

    /** Set by unit tests instead of resolving the agent jar through Maven. */
    File agentJarOverride;

    /** Skips this goal; the property is then set to an empty string if it was unset, so {@code @{argLine}} still resolves. */
    @Parameter(property = "loopguard.skip", defaultValue = "false")
    boolean skip;

    /** The property that receives the agent argument ({@code argLine} for Surefire and Failsafe). */
    @Parameter(property = "loopguard.propertyName", defaultValue = "argLine")
    String propertyName;

    /** Keep the data files of earlier builds in {@link #output}; by default they are deleted, so fixed calls disappear. */
    @Parameter(property = "loopguard.append", defaultValue = "false")
    boolean append;

    /** Agent option {@code threads}: thread-name globs that count as event loops, besides the auto-detected ones. */
    @Parameter(property = "loopguard.threads")
    List<String> threads;

    /** Agent option {@code autodetect}: recognise Netty, Vert.x and Reactor loop threads (agent default {@code true}). */
    @Parameter(property = "loopguard.autodetect")
    Boolean autodetect;

    /** Agent option {@code output}: directory of the data files and the agent's own {@code index.html}. */
    @Parameter(property = "loopguard.output", defaultValue = "${project.build.directory}/loopguard")
    File output;

    /** Agent option {@code mode}: {@code record}, {@code log} or {@code throw}. */
    @Parameter(property = "loopguard.mode")
    String mode;

    /** Agent option {@code threshold}: calls shorter than this are not recorded ({@code 0}, {@code 500us}, {@code 5ms}). */
    @Parameter(property = "loopguard.threshold")
    String threshold;

    /**
     * Agent option {@code stall}: a registered thread busy this long with no blocking call to explain it is a
     * {@code stall} ({@code 100ms} by default, {@code 0} turns it off).
     */
    @Parameter(property = "loopguard.stall")
    String stall;

    /** Agent option {@code allow}: frames ({@code pkg.Class#method}, {@code pkg.Class}, {@code pkg.*}) that allow a call. */
    @Parameter(property = "loopguard.allow")
    List<String> allow;

    /**
     * Agent option {@code deny}: frames inside which a call is not allowed again, although an {@code allow} entry
     * matches further out (e.g. {@code allow=Outer#run}, {@code deny=Outer#callback}).
     */
    @Parameter(property = "loopguard.deny")
    List<String> deny;

    /** Agent option {@code report}: {@code html} or {@code none}. */
    @Parameter(property = "loopguard.report")
    String report;

    /** Agent option {@code enabled}: {@code false} attaches the agent as a no-op. */
    @Parameter(property = "loopguard.enabled")
    Boolean enabled;

    /** Agent option {@code flushInterval}: how often the data file is rewritten while the JVM runs. */
    @Parameter(property = "loopguard.flushInterval")
    String flushInterval;

    /** Agent option {@code maxSites}: bound on distinct call sites recorded per JVM. */
    @Parameter(property = "loopguard.maxSites")
    Integer maxSites;

    /** Agent option {@code jfr}: read contended monitors and pinned virtual threads from JFR (agent default {@code true}). */
    @Parameter(property = "loopguard.jfr")
    Boolean jfr;

    /** Agent option {@code pinning}: {@code registered} (default) or {@code all} virtual threads. */
    @Parameter(property = "loopguard.pinning")
    String pinning;

    /**
     * Agent option {@code appPackages}: packages that are the application's code (call-site ids and reports are made
     * of their frames). Default: the packages of this module's sources.
     */
    @Parameter(property = "loopguard.appPackages")
    List<String> appPackages;

    /** Agent option {@code console}: {@code allow} (default) or {@code report} writes to System.out/err on a loop. */
    @Parameter(property = "loopguard.console")
    String console;

    /** {@code production}: record mode, no HTML at exit, a 1 ms threshold and a bounded rate of new-site stacks. */
    @Parameter(property = "loopguard.profile")
    String profile;

    /** At most this many new call sites' stacks resolved per second (further ones are dropped calls); 0: no bound. */
    @Parameter(property = "loopguard.newSitesPerSecond")
    Integer newSitesPerSecond;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping loopguard execution because property loopguard.skip is set.");
            if (effectiveValue() == null) {
                project.getProperties().setProperty(propertyName, "");
            }
            return;
        }
        String options = agentOptions();
        File jar = agentJar();
        if (!append) {
            deleteStaleData();
        }
        String value = ArgLine.prepend(effectiveValue(), jar, options);
        getLog().info(propertyName + " set to " + value);
        project.getProperties().setProperty(propertyName, value);
        if (session.getUserProperties().getProperty(propertyName) != null) {
            // -DargLine=... on the command line wins over project properties when Surefire reads ${argLine}.
            session.getUserProperties().setProperty(propertyName, value);
        }
    }

    private String effectiveValue() {
        String user = session.getUserProperties().getProperty(propertyName);
        return user != null ? user : project.getProperties().getProperty(propertyName);
    }

    /** The agent argument, rendered and validated by the agent's own options class; the error names the option. */
    String agentOptions() throws MojoExecutionException {
        try {
            return AgentOptions.builder()
                    .threads(threads)
                    .autodetect(autodetect)
                    .output(output.toPath())
                    .mode(mode)
                    .threshold(threshold)
                    .stall(stall)
                    .allow(allow)
                    .deny(deny)
                    .report(report)
                    .enabled(enabled)
                    .flushInterval(flushInterval)
                    .maxSites(maxSites)
                    .jfr(jfr)
                    .pinning(pinning)
                    .console(console)
                    .appPackages(appPackages != null && !appPackages.isEmpty() ? appPackages
                            : project == null ? null : SourcePackages.of(List.of(project)))
                    .profile(profile)
                    .newSitesPerSecond(newSitesPerSecond)
                    .build()
                    .toAgentArgument();
        } catch (OptionException e) {
            throw new MojoExecutionException("invalid loopguard agent option: " + e.getMessage(), e);
        }
    }

    private File agentJar() throws MojoExecutionException {
        return agentJarOverride != null ? agentJarOverride
                : AgentJar.resolve(repositorySystem, repositorySession, pluginRepositories, pluginVersion);
    }

    /**
     * Deletes {@code loopguard-*.json} left in {@link #output} by an earlier build (a fixed call must not keep failing
     * the check), once per build and directory: a second prepare-agent execution must not erase the first one's data.
     */
    private void deleteStaleData() throws MojoExecutionException {
        Path dir = output.toPath().toAbsolutePath().normalize();
        String key = "loopguard.cleaned:" + dir;
        if (project.getContextValue(key) != null) {
            return;
        }
        project.setContextValue(key, Boolean.TRUE);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try {
            List<Path> stale = InputFiles.dataFilesIn(dir);
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
            if (!stale.isEmpty()) {
                getLog().info("Deleted " + stale.size() + " loopguard data file(s) of an earlier build in " + dir
                        + " (set loopguard.append=true to keep them).");
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot delete old loopguard data in " + dir + ": " + e, e);
        }
    }
}
