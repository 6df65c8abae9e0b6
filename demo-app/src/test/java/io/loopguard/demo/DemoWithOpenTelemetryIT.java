package io.loopguard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileReader;
import io.loopguard.format.Frame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, as a user found it: the demo's {@code --drive} under the real OpenTelemetry Java agent (2.22.0, exporters
 * off) attached beside loopguard. Before, OpenTelemetry's transformer reading its own jar when lambdas were linked on
 * the Vert.x loop made about a hundred extra call sites, and the real sites' first application frame was
 * OpenTelemetry's request wrapper. Now the call sites are exactly the demo's blocking endpoints, and the first
 * application frame of each is the demo's own code, with OpenTelemetry's frames on the stack as library frames.
 */
class DemoWithOpenTelemetryIT {

    private static final String DEMO = "io.loopguard.demo.";
    private static final String HANDLERS = DEMO + "http.";
    private static final long TIMEOUT_SECONDS = 240;
    private static final List<String> BLOCKING_HANDLERS = List.of("UserEndpoints", "FileEndpoints", "DelayEndpoints",
            "HostEndpoints", "DownstreamEndpoints", "HashEndpoints");

    private static DataFile data;

    @BeforeAll
    static void runTheDemoUnderBothAgents() throws Exception {
        Path agentJar = Path.of(System.getProperty("loopguard.it.agentJar", "../agent/target/loopguard-agent.jar"))
                .toAbsolutePath().normalize();
        Path demoJar = Path.of(System.getProperty("loopguard.it.demoJar", "target/loopguard-demo-app.jar"))
                .toAbsolutePath().normalize();
        Path otelJar = Path.of(System.getProperty("loopguard.it.otelAgent", "target/otel/opentelemetry-javaagent.jar"))
                .toAbsolutePath().normalize();
        Path java = Path.of(System.getProperty("loopguard.it.javaHome", System.getProperty("java.home")), "bin", "java");
        for (Path jar : List.of(agentJar, demoJar, otelJar)) {
            if (!Files.isRegularFile(jar)) {
                fail(jar + " does not exist: build with `mvn -B -q install -DskipTests` at the repository root and run"
                        + " this IT through `mvn verify` (the build copies the OpenTelemetry agent into target/otel)");
            }
        }
        Path work = Path.of("target", "demo-otel-it").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        Path output = work.resolve("report");
        Path out = work.resolve("stdout.txt");
        Path err = work.resolve("stderr.txt");
        List<String> command = List.of(java.toString(), "-javaagent:" + otelJar,
                "-Dotel.traces.exporter=none", "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
                "-javaagent:" + agentJar + "=output=" + output,
                "-jar", demoJar.toString(), "--drive", "--phase-seconds", "2");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String transcript = String.join(" ", command) + "\n--- stdout\n" + Files.readString(out) + "--- stderr\n"
                + Files.readString(err);
        assertThat(exited).as("demo did not finish within %d s:%n%s", TIMEOUT_SECONDS, transcript).isTrue();
        assertThat(process.exitValue()).as("exit status of%n%s", transcript).isZero();
        Path dataFile = output.resolve("loopguard-" + process.pid() + ".json");
        assertThat(dataFile).as("agent data file; %s", transcript).isRegularFile();
        data = DataFileReader.read(dataFile);
        System.out.println("call sites:\n" + describe(data.callSites()));
    }

    /** As in DemoAgentIT: a monitor inside PostgreSQL's driver under load, caused by the blocking JDBC endpoint. */
    private static boolean driverContention(CallSite site) {
        return site.category().equals("monitor")
                && site.stack().stream().anyMatch(frame -> frame.className().startsWith("org.postgresql."));
    }

    @Test
    void theCallSitesAreExactlyTheBlockingEndpoints() {
        List<CallSite> sites = data.callSites().stream().filter(site -> !driverContention(site)).toList();
        assertThat(sites.stream().map(CallSite::category).sorted().toList()).as(describe(data.callSites()))
                .containsExactly("dns", "file", "future", "jdbc", "sleep", "stall");
        for (String handler : BLOCKING_HANDLERS) {
            assertThat(sites).as("%s.blocking in%n%s", handler, describe(data.callSites()))
                    .filteredOn(site -> hasFrame(site, HANDLERS + handler, "blocking")).hasSize(1);
        }
    }

    /**
     * A stall's stack starts with the busy library (bcrypt, which no default list names, so without
     * {@code appPackages} it counts as the application's): for it, the claim is only that OpenTelemetry is not it.
     */
    @Test
    void theFirstApplicationFrameIsTheDemosOwnCodeNotOpenTelemetrys() {
        for (CallSite site : data.callSites()) {
            Frame first = site.stack().stream().filter(Frame::isApplication).findFirst()
                    .orElseThrow(() -> new AssertionError("no application frame in\n" + describe(List.of(site))));
            if (site.category().equals("stall")) {
                assertThat(first.className()).as(describe(List.of(site))).startsWith("org.mindrot.jbcrypt.");
            } else {
                assertThat(first.className()).as(describe(List.of(site))).startsWith(DEMO);
            }
        }
    }

    @Test
    void openTelemetryReallyInstrumentedTheRequests() {
        assertThat(data.callSites()).as("OpenTelemetry's Vert.x wrapper sits on the blocking stacks\n%s",
                        describe(data.callSites()))
                .anyMatch(site -> site.stack().stream().anyMatch(f -> f.className().startsWith("io.opentelemetry.")));
    }

    private static boolean hasFrame(CallSite site, String className, String methodName) {
        return site.stack().stream()
                .anyMatch(frame -> frame.className().equals(className) && frame.methodName().equals(methodName));
    }

    private static String describe(List<CallSite> sites) {
        List<String> lines = new ArrayList<>();
        for (CallSite site : sites) {
            String frames = site.stack().stream().limit(12).map(f -> f.className() + "." + f.methodName() + ":"
                    + f.lineNumber()).collect(Collectors.joining(" < "));
            lines.add("  " + site.category() + " " + site.blockingMethod() + " [" + site.detail() + "] x"
                    + site.count() + "\n      " + frames);
        }
        return lines.isEmpty() ? "  (none)" : String.join("\n", lines);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
