package io.loopguard.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopguard.format.DataFileReader;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals run on a module on disk, without a Maven build (the invoker ITs run the real thing). */
class MojoTest {

    @TempDir
    Path root;

    MavenProject project;
    Fixtures.RecordingLog log = new Fixtures.RecordingLog();
    Path data;

    @BeforeEach
    void module() throws Exception {
        project = Fixtures.project(root);
        data = root.resolve("target/loopguard");
    }

    private PrepareAgentMojo prepareAgent() {
        PrepareAgentMojo mojo = new PrepareAgentMojo();
        mojo.project = project;
        mojo.session = Fixtures.session(root, project);
        mojo.agentJarOverride = new File("/m2/loopguard-agent-1.0.jar");
        mojo.propertyName = "argLine";
        mojo.output = data.toFile();
        mojo.setLog(log);
        return mojo;
    }

    private <T extends AbstractReportMojo> T report(T mojo) {
        mojo.project = project;
        mojo.session = Fixtures.session(root, project);
        mojo.dataDirectory = data.toFile();
        mojo.outputDirectory = data.toFile();
        mojo.repositoryRoot = root.toFile();
        mojo.setLog(log);
        return mojo;
    }

    private CheckMojo check() {
        CheckMojo mojo = report(new CheckMojo());
        mojo.haltOnFailure = true;
        return mojo;
    }

    @Test
    void prepareAgentPrependsToTheArgLinePropertyAndValidatesOptions() throws Exception {
        project.getProperties().setProperty("argLine", "-Xmx1g");
        PrepareAgentMojo mojo = prepareAgent();
        mojo.threads = List.of("my-loop-*", "io-?");
        mojo.mode = "log";
        mojo.execute();
        // appPackages=demo: the packages of the module's own sources (Fixtures.project has src/main/java/demo)
        String expected = "-javaagent:/m2/loopguard-agent-1.0.jar=threads=my-loop-*:io-?,output=" + data
                + ",mode=log,appPackages=demo -Xmx1g";
        assertThat(project.getProperties().getProperty("argLine")).isEqualTo(expected);
        assertThat(log.lines).contains("[INFO] argLine set to " + expected);
        mojo.execute();
        assertThat(project.getProperties().getProperty("argLine")).as("idempotent").isEqualTo(expected);

        mojo.mode = "loud";
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("option 'mode'").hasMessageContaining("record, log or throw");
        mojo.mode = null;
        mojo.allow = List.of("a.B#c,d");
        assertThatThrownBy(mojo::execute).hasMessageContaining("allow cannot contain ','");
        mojo.allow = List.of("com.acme.Outer#run");
        mojo.deny = List.of("com.acme.Outer#callback");
        mojo.execute();
        assertThat(project.getProperties().getProperty("argLine"))
                .contains(",allow=com.acme.Outer#run,").contains(",deny=com.acme.Outer#callback ");
        mojo.deny = List.of("com.acme.Outer#");
        assertThatThrownBy(mojo::execute).hasMessageContaining("option 'deny'");
    }

    @Test
    void prepareAgentUpdatesAnArgLineGivenOnTheCommandLine() throws Exception {
        PrepareAgentMojo mojo = prepareAgent();
        mojo.session.getUserProperties().setProperty("argLine", "-ea");
        mojo.execute();
        assertThat(mojo.session.getUserProperties().getProperty("argLine")).startsWith("-javaagent:").endsWith(" -ea");
    }

    @Test
    void skippedPrepareAgentSetsAnEmptyPropertyOnlyWhenUnset() throws Exception {
        PrepareAgentMojo mojo = prepareAgent();
        mojo.skip = true;
        mojo.execute();
        assertThat(project.getProperties().getProperty("argLine")).isEmpty();
        project.getProperties().setProperty("argLine", "-Xmx1g");
        mojo.execute();
        assertThat(project.getProperties().getProperty("argLine")).isEqualTo("-Xmx1g");
        assertThat(log.text()).contains("Skipping loopguard execution because property loopguard.skip is set.");
    }

    @Test
    void prepareAgentDeletesDataOfAnEarlierBuildOnce() throws Exception {
        Fixtures.dataFile(data, 1, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 1));
        PrepareAgentMojo mojo = prepareAgent();
        mojo.execute();
        assertThat(Files.exists(data.resolve("loopguard-1.json"))).isFalse();
        Fixtures.dataFile(data, 2, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 1));
        mojo.execute(); // a second execution in the same build keeps what the first one's tests wrote
        assertThat(Files.exists(data.resolve("loopguard-2.json"))).isTrue();
    }

    @Test
    void checkFailsWithPathLineAndReportLink() throws Exception {
        Fixtures.dataFile(data, 1, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 3));
        assertThatThrownBy(check()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("1 blocking call site on event-loop threads violates the loopguard rules "
                        + "(max-sites 0, all categories). See the report at: file:");
        assertThat(log.lines).contains("[ERROR] src/main/java/demo/Handler.java:42: blocking sleep call "
                + "java.lang.Thread.sleep on vert.x-eventloop-thread-0 (3 calls, 15.0 ms) [loopguard]");
        for (String name : List.of("index.html", "loopguard.json", "loopguard.sarif", "TEST-loopguard.xml")) {
            assertThat(data.resolve(name)).isRegularFile();
        }
    }

    @Test
    void checkOnGitHubActionsAnnotatesAndSummarises() throws Exception {
        Fixtures.dataFile(data, 1, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 3));
        CheckMojo mojo = check();
        java.io.ByteArrayOutputStream stdout = new java.io.ByteArrayOutputStream();
        Path summary = data.resolve("step-summary.md");
        mojo.stdout = new java.io.PrintStream(stdout, true, java.nio.charset.StandardCharsets.UTF_8);
        mojo.environment = java.util.Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString());
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
        assertThat(stdout.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith(
                "::error file=src/main/java/demo/Handler.java,line=42,title=loopguard%3A blocking sleep call::Blocking "
                        + "sleep call java.lang.Thread.sleep on event-loop thread vert.x-eventloop-thread-0 (3 calls, ");
        assertThat(Files.readString(summary)).startsWith("## loopguard: failed").contains(
                "| `src/main/java/demo/Handler.java:42` | sleep | `java.lang.Thread.sleep` | 3 |");

        java.io.ByteArrayOutputStream quiet = new java.io.ByteArrayOutputStream();
        CheckMojo local = check();
        local.stdout = new java.io.PrintStream(quiet, true, java.nio.charset.StandardCharsets.UTF_8);
        local.environment = java.util.Map.of();
        assertThatThrownBy(local::execute).isInstanceOf(MojoFailureException.class);
        assertThat(quiet.size()).as("nothing outside GitHub Actions").isZero();
    }

    /** Issue 14: in the lifecycle, an earlier build's data decides nothing; by hand, check reads what is there. */
    @Test
    void checkInTheLifecycleIgnoresDataOfEarlierBuilds() throws Exception {
        Path old = Fixtures.dataFile(data, 1, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 3));
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        CheckMojo mojo = check();
        mojo.session.getRequest().setStartTime(new java.util.Date());
        mojo.mojoExecution = new org.apache.maven.plugin.MojoExecution(new org.apache.maven.plugin.descriptor.MojoDescriptor(), "check");
        mojo.execute(); // passes: nothing of this build to check
        assertThat(log.text()).contains("Ignoring 1 loopguard data file(s) written before this build started "
                + "(an earlier build's): loopguard-1.json").contains("Skipping loopguard check: no loopguard-*.json");

        mojo.mojoExecution = new org.apache.maven.plugin.MojoExecution(new org.apache.maven.plugin.descriptor.MojoDescriptor(), "default-cli");
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class); // mvn loopguard:check by hand
    }

    @Test
    void mergeWithNothingToMergeRemovesAnEarlierMerge() throws Exception {
        MergeMojo merge = new MergeMojo();
        merge.project = project;
        merge.session = Fixtures.session(root, project);
        Path empty = Files.createDirectories(root.resolve("empty"));
        merge.dataDirectories = List.of(empty.toFile());
        merge.destFile = data.resolve("merged/loopguard-merged.json").toFile();
        Fixtures.dataFile(data.resolve("merged"), 9, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 1));
        Files.move(data.resolve("merged/loopguard-9.json"), merge.destFile.toPath());
        merge.setLog(log);
        merge.execute();
        assertThat(merge.destFile).doesNotExist();
        assertThat(log.text()).contains("Removed the merged loopguard data of an earlier build");
    }

    @Test
    void checkRulesAndHaltOnFailure() throws Exception {
        Fixtures.dataFile(data, 1, Fixtures.site("file", "java.nio.file.Files.readString", "handle", 42, 1));
        CheckMojo mojo = check();
        mojo.categories = List.of("sleep,jdbc");
        mojo.execute();
        assertThat(log.text()).contains("All loopguard checks have been met (max-sites 0, categories jdbc:sleep; 1 call sites, 0 baselined)");

        mojo.categories = null;
        mojo.maxSites = 1;
        mojo.execute();

        mojo.maxSites = 0;
        mojo.haltOnFailure = false;
        mojo.execute();
        assertThat(log.lines).anyMatch(l -> l.startsWith("[WARNING] src/main/java/demo/Handler.java:42: blocking file call"));

        mojo.maxBlocked = "five";
        assertThatThrownBy(mojo::execute).hasMessageContaining("invalid duration 'five'");
    }

    @Test
    void droppedCallsFailTheCheckUnlessAllowedAndAnAgentErrorAlwaysFails() throws Exception {
        java.time.Instant t = java.time.Instant.parse("2026-11-22T10:00:00Z");
        io.loopguard.format.DataFileWriter.writeAtomically(new io.loopguard.format.DataFile(
                io.loopguard.format.DataFile.FORMAT, new io.loopguard.format.JvmInfo(5, "17", "test", t, t),
                List.of(), 1_990_001, List.of(), 100, null), data.resolve("loopguard-5.json"));
        assertThatThrownBy(check()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("The loopguard data cannot be trusted (1 problem above). Raise the agent's "
                        + "maxSites, or accept incomplete data with allowDroppedCalls (-Dloopguard.allowDroppedCalls=true).");
        assertThat(log.lines).anyMatch(l -> l.startsWith("[ERROR] ") && l.endsWith("loopguard-5.json (pid 5): "
                + "1990001 calls of further call sites were dropped (maxSites=100); the data is incomplete"));
        assertThat(Files.readString(data.resolve("loopguard.sarif"))).contains("\"executionSuccessful\": false");

        log.lines.clear();
        CheckMojo allowing = check();
        allowing.allowDroppedCalls = true;
        allowing.execute();
        assertThat(log.text()).contains("All loopguard checks have been met (max-sites 0, all categories, dropped "
                + "calls allowed; 0 call sites, 0 baselined)");
        assertThat(log.lines).anyMatch(l -> l.startsWith("[WARNING] ") && l.contains("(allowed by the rules)"));

        io.loopguard.format.DataFileWriter.writeAtomically(new io.loopguard.format.DataFile(
                io.loopguard.format.DataFile.FORMAT, new io.loopguard.format.JvmInfo(6, "17", "test", t, t),
                List.of(), 0, List.of(), 100, "java.lang.IllegalStateException: boom\n[INFO] forged"),
                data.resolve("loopguard-6.json"));
        log.lines.clear();
        assertThatThrownBy(allowing::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("The loopguard data cannot be trusted (1 problem above).");
        assertThat(log.lines).anyMatch(l -> l.startsWith("[ERROR] ") && l.endsWith("loopguard-6.json (pid 6): the "
                + "agent failed to start, no blocking call was recorded: java.lang.IllegalStateException: boom\\n"
                + "[INFO] forged"));
    }

    @Test
    void checkAndReportSkipWithoutDataAndCheckFailsOnUnreadableData() throws Exception {
        check().execute();
        report(new ReportMojo()).execute();
        assertThat(log.text()).contains("Skipping loopguard check: no loopguard-*.json in")
                .contains("Skipping loopguard report: no loopguard-*.json in");
        Files.createDirectories(data);
        Files.writeString(data.resolve("loopguard-9.json"), "{ not json");
        assertThatThrownBy(check()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("could be read");
    }

    @jdk.jfr.Name("io.loopguard.BlockingCall")
    @jdk.jfr.StackTrace(false)
    static final class BlockingCall extends jdk.jfr.Event {
        String category;
        String blockingMethod;
        String detail;
        String loopThread;
        String callSite;
        String stack;
    }

    @Test
    void checkReadsFlightRecordingsInTheDataDirectory() throws Exception {
        Files.createDirectories(data);
        Path recording = data.resolve("app.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording()) {
            r.enable("io.loopguard.BlockingCall");
            r.start();
            BlockingCall event = new BlockingCall();
            event.begin();
            event.category = "sleep";
            event.blockingMethod = "java.lang.Thread.sleep";
            event.loopThread = "vert.x-eventloop-thread-0";
            event.stack = "java.lang.Thread.sleep(Thread.java:-2)\ndemo.Handler.handle(Handler.java:42)\n";
            event.commit();
            r.stop();
            r.dump(recording);
        }
        assertThatThrownBy(check()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("1 blocking call site on event-loop threads violates the loopguard rules");
        assertThat(log.text()).contains("src/main/java/demo/Handler.java:42: blocking sleep call "
                + "java.lang.Thread.sleep on vert.x-eventloop-thread-0 (1 call,");
        byte[] bytes = Files.readAllBytes(recording);
        Files.write(recording, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(check()::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("could be read");
        assertThat(log.text()).contains("app.jfr: not a readable JFR recording");
    }

    @Test
    void baselineThenCheckFailsOnlyOnNewCallSites() throws Exception {
        Path file = Fixtures.dataFile(data, 1, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 1));
        BaselineMojo baseline = report(new BaselineMojo());
        baseline.execute();
        Path baselineFile = root.resolve("loopguard-baseline.json");
        assertThat(baselineFile).isRegularFile();
        assertThat(log.text()).contains("1 entries (1 new, 0 not seen");

        CheckMojo check = check();
        check.baseline = baselineFile.toFile();
        check.execute();
        assertThat(log.text()).contains("1 call sites, 1 baselined");

        Files.delete(file);
        Fixtures.dataFile(data, 2, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 50, 1), // line moved
                Fixtures.site("jdbc", "java.sql.Statement.executeQuery", "query", 60, 1));
        assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 blocking call site on").hasMessageContaining("1 more are baselined");
        assertThat(log.lines).anyMatch(l -> l.startsWith("[ERROR] src/main/java/demo/Handler.java:60: blocking jdbc call"));

        check.baseline = root.resolve("missing.json").toFile();
        assertThatThrownBy(check::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("loopguard:baseline");
    }

    @Test
    void mergeCombinesTheModulesDataFiles() throws Exception {
        MavenProject other = Fixtures.project(root.resolve("b"));
        Fixtures.dataFile(data, 1, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 2));
        Fixtures.dataFile(root.resolve("b/target/loopguard"), 2, Fixtures.site("sleep", "java.lang.Thread.sleep", "handle", 42, 3),
                Fixtures.site("dns", "java.net.InetAddress.getByName", "resolve", 7, 1));
        MergeMojo merge = new MergeMojo();
        merge.project = project;
        merge.session = Fixtures.session(root, project, other);
        merge.destFile = root.resolve("target/loopguard-merged/loopguard-merged.json").toFile();
        merge.setLog(log);
        merge.execute();
        var merged = DataFileReader.read(merge.destFile.toPath());
        assertThat(merged.callSites()).extracting(c -> c.category() + ":" + c.count()).containsExactlyInAnyOrder("sleep:5", "dns:1");
        assertThat(log.text()).contains("Merged 2 loopguard data files (2 call sites) into");
        merge.execute(); // the merged file itself is never an input
        assertThat(DataFileReader.read(merge.destFile.toPath()).callSites()).extracting(c -> c.count()).contains(5L);
    }
}
