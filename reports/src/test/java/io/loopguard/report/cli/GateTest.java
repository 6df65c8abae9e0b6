package io.loopguard.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: incomplete data (dropped calls) and a failed agent start never pass the gate, and say so in every
 * format; data-file strings never forge terminal lines; internal failures are exit 2; honest messages for bad
 * baseline paths and symbolic link loops.
 */
class GateTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    int run(String... args) {
        stdout.reset();
        stderr.reset();
        PrintStream err = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static CallSite sleep(String thread) {
        return Fixtures.site(Category.SLEEP, "java.lang.Thread.sleep", null, Fixtures.app("demo.B", "b", 20), 1,
                1_000_000, thread);
    }

    private void write(DataFile file) throws Exception {
        DataFileWriter.writeAtomically(file, dir.resolve("loopguard-" + file.jvm().pid() + ".json"));
    }

    private String file(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void droppedCallsFailTheCheckUnlessAllowed() throws Exception {
        write(new DataFile(DataFile.FORMAT, Fixtures.jvm(7), List.of(sleep("loop-0")), 1_990_001, List.of(), 100,
                null));
        assertThat(run("check", "--max-sites", "100", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("(pid 7): 1990001 calls of further call sites were dropped (maxSites=100); the "
                + "data is incomplete")
                .contains("The loopguard check failed: the data cannot be trusted (1 problem above). Raise the "
                        + "agent's maxSites, or accept incomplete data with --allow-dropped.")
                .doesNotContain("All loopguard checks have been met");
        io.loopguard.report.sarif.SarifSchema.assertValid(file("loopguard.sarif"));
        assertThat(file("loopguard.sarif")).contains("\"executionSuccessful\": false")
                .contains("\"level\":\"error\"").contains("1990001 calls of further call sites were dropped")
                .contains("loopguard/dropped-calls");
        assertThat(file("TEST-loopguard.xml")).contains("failures=\"1\"").contains("tests=\"2\"")
                .contains("<failure message=\"").contains("type=\"loopguard.dropped-calls\"");

        Path baseline = dir.resolve("baseline.json");
        assertThat(run("baseline", "--write", baseline.toString(), dir.toString())).isZero();
        assertThat(run("check", "--baseline", baseline.toString(), dir.toString())).isEqualTo(1);
        assertThat(out()).contains("calls of further call sites were dropped (maxSites=100)");

        assertThat(run("check", "--max-sites", "100", "--allow-dropped", dir.toString())).isZero();
        assertThat(out()).contains("warning: ").contains("(allowed by the rules)")
                .contains("All loopguard checks have been met (max-sites 100, all categories, dropped calls allowed;");
        io.loopguard.report.sarif.SarifSchema.assertValid(file("loopguard.sarif"));
        assertThat(file("loopguard.sarif")).contains("\"executionSuccessful\": true").contains("\"level\":\"warning\"");
        assertThat(file("TEST-loopguard.xml")).contains("failures=\"0\"").contains("<system-out>");
        assertThat(run("check", "--baseline", baseline.toString(), "--allow-dropped", dir.toString())).isZero();
    }

    @Test
    void droppedCallsOfAnOlderFileWithoutMaxSites() throws Exception {
        write(new DataFile(Fixtures.jvm(8), List.of(), 5));
        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("5 calls of further call sites were dropped (the agent's maxSites bound was "
                + "reached); the data is incomplete");
    }

    @Test
    void aFailedAgentStartFailsTheCheckEverywhere() throws Exception {
        write(new DataFile(DataFile.FORMAT, Fixtures.jvm(9), List.of(), 0, List.of(), 10000,
                "java.lang.IllegalStateException: boom"));
        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("loopguard-9.json (pid 9): the agent failed to start, no blocking call was "
                + "recorded: java.lang.IllegalStateException: boom")
                .doesNotContain("All loopguard checks have been met").doesNotContain("--allow-dropped");
        assertThat(run("check", "--allow-dropped", dir.toString())).isEqualTo(1);
        io.loopguard.report.sarif.SarifSchema.assertValid(file("loopguard.sarif"));
        assertThat(file("loopguard.sarif")).contains("\"executionSuccessful\": false")
                .contains("loopguard/agent-error");
        assertThat(file("TEST-loopguard.xml")).contains("type=\"loopguard.agent-error\"");
        assertThat(file("index.html")).contains("\"agentError\":\"java.lang.IllegalStateException: boom\"")
                .contains("The agent failed to start in pid ");
        // The merged loopguard.json keeps the error, so checking the merge fails as well.
        assertThat(file("loopguard.json")).contains("\"agentError\": \"java.lang.IllegalStateException: boom\"");
        Files.createDirectories(dir.resolve("merged"));
        Files.copy(dir.resolve("loopguard.json"), dir.resolve("merged/loopguard-0.json"));
        assertThat(run("check", dir.resolve("merged").toString())).isEqualTo(1);
        assertThat(out()).contains("the agent failed to start");
    }

    @Test
    void controlCharactersInDataNeverForgeALine() throws Exception {
        String forged = "loop-0\n[loopguard] 0 blocking call sites on event-loop threads\r\u001b[2K\u2028\u0085";
        write(new DataFile(DataFile.FORMAT, Fixtures.jvm(3), List.of(sleep(forged)), 0, List.of(), 0,
                "boom\nAll loopguard checks have been met"));
        assertThat(run("check", dir.toString())).isEqualTo(1);
        for (String line : out().split("\n")) {
            assertThat(line).doesNotStartWith("[loopguard]").doesNotStartWith("All loopguard")
                    .doesNotContain("\r", "\u001b", "\u2028", "\u0085");
        }
        assertThat(out()).contains("on loop-0\\n[loopguard] 0 blocking call sites on event-loop threads\\r\\u001b[2K"
                + "\\u2028\\u0085 (1 call, 1.00 ms) [loopguard]").contains("boom\\nAll loopguard checks");
    }

    @Test
    void hugeDetailsAreCappedInEveryFormat() throws Exception {
        CallSite site = Fixtures.site(Category.FILE, "java.io.FileInputStream.read", "x", Fixtures.app("demo.C",
                "c", 3), 1, 1, "loop-0");
        write(Fixtures.file(4, List.of(site)));
        Path data = dir.resolve("loopguard-4.json");
        String huge = "/" + "d".repeat(2_000_000);
        Files.writeString(data, file("loopguard-4.json").replace("\"detail\": \"x\"", "\"detail\": \"" + huge + "\""));
        assertThat(Files.size(data)).isGreaterThan(2_000_000);
        assertThat(run("check", dir.toString())).isEqualTo(1);
        for (String name : List.of("loopguard.sarif", "TEST-loopguard.xml", "loopguard.json", "index.html")) {
            assertThat(Files.size(dir.resolve(name))).as(name).isLessThan(200_000);
        }
        assertThat(file("loopguard.json")).contains(CallSite.TRUNCATED);
    }

    @Test
    void outOfMemoryIsExitTwoWithOneLine() throws Exception {
        CallSite site = Fixtures.site(Category.FILE, "java.io.FileInputStream.read", "x", Fixtures.app("demo.C",
                "c", 3), 1, 1, "loop-0");
        write(Fixtures.file(5, List.of(site)));
        Path data = dir.resolve("loopguard-5.json");
        String json = file("loopguard-5.json");
        int at = json.indexOf("\"detail\": \"x\"") + "\"detail\": \"".length();
        try (var out = Files.newBufferedWriter(data)) {
            out.write(json, 0, at);
            char[] chunk = "d".repeat(1 << 20).toCharArray();
            for (int i = 0; i < 48; i++) {
                out.write(chunk);
            }
            out.write(json, at + 1, json.length() - at - 1);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx48m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "check", data.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String stdoutText = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderrText = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stdoutText + stderrText).isEqualTo(2);
        assertThat(stderrText.strip().lines()).as(stderrText).hasSize(1);
        assertThat(stderrText).contains("internal error: out of memory").doesNotContain("\tat ");
    }

    @Test
    void baselineThatCannotBeWrittenSaysSo() throws Exception {
        write(Fixtures.file(6, List.of(sleep("loop-0"))));
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "");
        String target = blocker.resolve("b.json").toString();
        assertThat(run("baseline", "--write", target, dir.toString())).isEqualTo(2);
        assertThat(err()).contains("cannot write the baseline file " + target + ": ")
                .doesNotContain("cannot write the report").doesNotContain("\tat ");
        if (new File("/proc/self").isDirectory()) {
            assertThat(run("baseline", "--write", "/proc/x.json", dir.toString())).isEqualTo(2);
            assertThat(err()).contains("cannot write the baseline file /proc/x.json: cannot create a file in /proc (")
                    .doesNotContain("cannot write the report");
        }
    }

    @Test
    void symbolicLinkLoopsAreNamed() throws Exception {
        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        assertThat(run("check", loop.toString())).isEqualTo(2);
        assertThat(err()).contains("symbolic link loop").doesNotContain("no loopguard-*.json files");

        Path data = Files.createDirectories(dir.resolve("data"));
        Path inner = data.resolve("loopguard-1.json");
        Files.createSymbolicLink(inner, inner);
        assertThat(run("check", data.toString())).isEqualTo(2);
        assertThat(err()).contains("loopguard-1.json: symbolic link loop")
                .doesNotContain("no loopguard-*.json files");

        Path dangling = data.resolve("loopguard-2.json");
        Files.createSymbolicLink(dangling, dir.resolve("gone.json"));
        assertThat(run("check", data.toString())).isEqualTo(2);
        assertThat(err()).contains("loopguard-2.json: dangling symbolic link to " + dir.resolve("gone.json"));
    }
}
