package io.loopguard.maven;

import io.loopguard.agent.AgentOptions;
import io.loopguard.agent.OptionException;
import io.loopguard.report.model.InputFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Prepends {@code -javaagent:<loopguard-agent.jar>=<options>} to the {@code argLine} property, so that Surefire (and
 * Failsafe) run the tests under the agent. The jar is this plugin's own dependency: nobody types its path. Options are
 * the agent's ({@code AgentOptions} renders and validates them, so a bad value fails here, not in a forked JVM).
 *
 * <p>Users who set Surefire's {@code <argLine>} themselves must write {@code <argLine>@{argLine} -Xmx1g</argLine>}
 * ({@code ${argLine}} is evaluated too early) and declare an empty {@code <argLine/>} property for builds where this
 * goal is skipped.
 */
@Mojo(name = "prepare-agent", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class PrepareAgentMojo extends AbstractMojo {

    static final String AGENT_ARTIFACT = "io.loopguard:loopguard-agent";

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${plugin.artifactMap}", readonly = true, required = true)
    Map<String, Artifact> pluginArtifactMap;

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

    /** Agent option {@code allow}: frames ({@code pkg.Class#method}, {@code pkg.Class}, {@code pkg.*}) that allow a call. */
    @Parameter(property = "loopguard.allow")
    List<String> allow;

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

    /** The agent argument, validated by the agent's own parser; the error names the option. */
    String agentOptions() throws MojoExecutionException {
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "threads", threads == null || threads.isEmpty() ? null : String.join(":", threads));
        put(values, "autodetect", autodetect);
        put(values, "output", output.getAbsolutePath());
        put(values, "mode", mode);
        put(values, "threshold", threshold);
        put(values, "allow", allow == null || allow.isEmpty() ? null : String.join(":", allow));
        put(values, "report", report);
        put(values, "enabled", enabled);
        put(values, "flushInterval", flushInterval);
        put(values, "maxSites", maxSites);
        StringBuilder argument = new StringBuilder();
        for (Map.Entry<String, String> option : values.entrySet()) {
            if (option.getValue().indexOf(',') >= 0) {
                throw new MojoExecutionException("loopguard option " + option.getKey() + " cannot contain ',' (it "
                        + "separates agent options): '" + option.getValue() + "'. Pass it to the test JVM as system "
                        + "property loopguard." + option.getKey() + " instead (Surefire <systemPropertyVariables>).");
            }
            argument.append(argument.length() == 0 ? "" : ",").append(option.getKey()).append('=').append(option.getValue());
        }
        try {
            return AgentOptions.parse(argument.toString(), key -> null, key -> null).toAgentArgument();
        } catch (OptionException e) {
            throw new MojoExecutionException("invalid loopguard agent option: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, String> values, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            values.put(key, value.toString().trim());
        }
    }

    private File agentJar() throws MojoExecutionException {
        Artifact agent = pluginArtifactMap.get(AGENT_ARTIFACT);
        if (agent == null || agent.getFile() == null) {
            throw new MojoExecutionException("the plugin's dependency " + AGENT_ARTIFACT + " was not resolved");
        }
        return agent.getFile();
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
