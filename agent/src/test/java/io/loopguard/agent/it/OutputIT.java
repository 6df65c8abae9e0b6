package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.FlushTarget;
import io.loopguard.agent.it.targets.QuickExitTarget;
import io.loopguard.agent.it.targets.ShapeTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data file (shape, ids stable across runs, written at exit), the stderr summary line, nothing on stdout, the
 * HTML report beside it, and periodic flushing that survives SIGKILL.
 */
class OutputIT {
    static final Pattern SUMMARY = Pattern.compile("\\[loopguard\\] (\\d+) blocking call sites? on event-loop threads "
            + "\\((\\d+) calls?, ([0-9.,]+) s blocked\\) \\S+ (file:\\S+)");
    static RunResult first;
    static RunResult second;

    @BeforeAll
    static void runTwice() {
        first = AgentProcess.of(ShapeTarget.class).name("Shape1").run();
        second = AgentProcess.of(ShapeTarget.class).name("Shape2").run();
    }

    @Test
    void dataFileHasTheContractShape() throws Exception {
        RunResult run = first;
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("failure")).isEqualTo("null");
        JsonNode root = JsonParser.parse(Files.readString(run.dataFile()), run.dataFile().toString());
        Map<String, JsonNode> top = root.members();
        assertThat(top).containsKeys("format", "jvm", "callSites", "droppedCalls");
        assertThat(top.get("format").string()).isEqualTo("loopguard/1");
        assertThat(top.get("droppedCalls").numberText()).isEqualTo("0");

        Map<String, JsonNode> jvm = top.get("jvm").members();
        assertThat(jvm).containsKeys("pid", "javaVersion", "command", "startedAt", "endedAt");
        assertThat(Long.parseLong(jvm.get("pid").numberText())).isEqualTo(run.pid());
        assertThat(jvm.get("javaVersion").string()).isEqualTo(run.fact("javaVersion"));
        assertThat(jvm.get("command").string()).contains(ShapeTarget.class.getName());
        Instant started = Instant.parse(jvm.get("startedAt").string());
        Instant ended = Instant.parse(jvm.get("endedAt").string());
        assertThat(started).isBeforeOrEqualTo(ended);

        List<JsonNode> sites = top.get("callSites").elements();
        assertThat(sites).as(run.describe()).hasSize(2);
        for (JsonNode site : sites) {
            Map<String, JsonNode> m = site.members();
            assertThat(m).containsKeys("id", "category", "blockingMethod", "detail", "threads", "count",
                    "totalNanos", "minNanos", "maxNanos", "firstSeen", "lastSeen", "stack");
            assertThat(m.get("id").string()).matches("[0-9a-f]{16}");
            assertThat(m.get("threads").elements()).extracting(JsonNode::string).containsExactly("shape-loop");
            long count = Long.parseLong(m.get("count").numberText());
            long total = Long.parseLong(m.get("totalNanos").numberText());
            long min = Long.parseLong(m.get("minNanos").numberText());
            long max = Long.parseLong(m.get("maxNanos").numberText());
            assertThat(min).isPositive().isLessThanOrEqualTo(max);
            assertThat(total).isBetween(min * count, max * count);
            Instant firstSeen = Instant.parse(m.get("firstSeen").string());
            Instant lastSeen = Instant.parse(m.get("lastSeen").string());
            assertThat(firstSeen).isBeforeOrEqualTo(lastSeen).isAfterOrEqualTo(started.minusSeconds(1));
            assertThat(lastSeen).isBeforeOrEqualTo(ended.plusSeconds(1));
            for (JsonNode frame : m.get("stack").elements()) {
                assertThat(frame.members()).containsKeys("className", "methodName", "fileName", "lineNumber");
            }
        }

        DataFile data = run.data();
        CallSite sleep = only(run.sitesIn(ShapeTarget.class, "sleepThrice"));
        assertThat(sleep.category()).isEqualTo("sleep");
        assertThat(sleep.count()).isEqualTo(3);
        assertThat(sleep.minNanos()).isGreaterThanOrEqualTo(19_600_000L);
        assertThat(sleep.totalNanos()).isGreaterThanOrEqualTo(58_800_000L);
        assertThat(sleep.firstSeen()).isBefore(sleep.lastSeen());
        assertThat(sleep.stack().get(1).methodName()).as("the caller of Thread.sleep").isEqualTo("sleepThrice");
        CallSite read = only(run.sitesIn(ShapeTarget.class, "readFile"));
        assertThat(read.category()).isEqualTo("file");
        assertThat(read.blockingMethod()).isEqualTo("java.nio.file.Files.readAllBytes");
        assertThat(read.detail()).isEqualTo(run.fact("file"));
        assertThat(read.count()).isEqualTo(1);
        assertThat(data.callSites()).hasSize(2);
    }

    @Test
    void callSiteIdsAreStableAcrossRuns() {
        for (String method : List.of("sleepThrice", "readFile")) {
            String a = only(first.sitesIn(ShapeTarget.class, method)).id();
            String b = only(second.sitesIn(ShapeTarget.class, method)).id();
            assertThat(b).as("id of %s in two runs of the same code", method).isEqualTo(a);
        }
        assertThat(only(first.sitesIn(ShapeTarget.class, "sleepThrice")).id())
                .isNotEqualTo(only(first.sitesIn(ShapeTarget.class, "readFile")).id());
    }

    @Test
    void nothingOnStdout() {
        assertThat(first.stdout()).as("the agent never writes to stdout (the target does not either)").isEmpty();
        assertThat(second.stdout()).isEmpty();
    }

    /**
     * The agent's JFR stream starts at the first registration and takes about half a second: a JVM that exits in
     * that window must still print nothing on stdout (HotSpot logs a failed late JFR start there). Exits spread over
     * the window, because where in it an exit falls depends on the machine's load.
     */
    @Test
    void exitWhileTheJfrStreamStartsPrintsNothing() {
        for (int i = 0; i < 4; i++) {
            RunResult run = AgentProcess.of(QuickExitTarget.class).name("QuickExit" + i)
                    .args(String.valueOf(i * 150)).run();
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.fact("failure")).isEqualTo("null");
            assertThat(run.stdout()).as("run %d\n%s", i, run.describe()).isEmpty();
            assertThat(run.stderr()).as("run %d", i).doesNotContain("[jfr");
        }
    }

    @Test
    void summaryLineOnStderrLinksTheHtmlReport() throws Exception {
        List<String> lines = first.agentLines().stream().filter(l -> l.contains("blocking call site")).toList();
        assertThat(lines).as("one summary line\n%s", first.describe()).hasSize(1);
        Matcher m = SUMMARY.matcher(lines.get(0));
        assertThat(m.matches()).as("summary line format: %s", lines.get(0)).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(first.sites().size());
        assertThat(Long.parseLong(m.group(2))).isEqualTo(first.sites().stream().mapToLong(CallSite::count).sum());
        assertThat(Double.parseDouble(m.group(3).replace(',', '.'))).isGreaterThanOrEqualTo(0.05);
        Path html = first.outDir().resolve("index.html");
        assertThat(html).as("report=html (default) writes index.html").isRegularFile();
        assertThat(Path.of(java.net.URI.create(m.group(4))).toRealPath()).isEqualTo(html.toRealPath());
    }

    @Test
    void sigkillLeavesTheLastPeriodicFlush() throws Exception {
        AgentProcess.Running running = AgentProcess.of(FlushTarget.class).name("FlushKill")
                .option("flushInterval=200ms").start();
        running.awaitFact("started", Duration.ofSeconds(60));
        // not a fixed sleep: kill once a flush with 10 calls is on disk, however slow the machine
        running.awaitData(d -> ticks(d) >= 10, Duration.ofSeconds(60));
        RunResult run = running.kill();
        assertThat(run.dataFile()).as("a killed JVM leaves its last flush\n%s", run.describe()).isRegularFile();
        CallSite tick = only(run.sitesIn(FlushTarget.class, "tickSleep"));
        assertThat(tick.count()).as("calls made before the kill, flushed every 200 ms").isGreaterThanOrEqualTo(10);
        assertThat(tick.threads()).containsExactly("tick-loop");
    }

    @Test
    void defaultFlushIntervalIsFiveSeconds() throws Exception {
        AgentProcess.Running running = AgentProcess.of(FlushTarget.class).name("FlushDefault").start();
        running.awaitFact("started", Duration.ofSeconds(60));
        Path file = running.runDir().resolve("out").resolve("loopguard-" + running.pid() + ".json");
        while (!Files.exists(file) && running.elapsedNanos() < 60_000_000_000L) {
            Thread.sleep(10);
        }
        long firstFlushMillis = running.elapsedNanos() / 1_000_000;
        running.awaitData(d -> ticks(d) >= 50, Duration.ofSeconds(60));
        RunResult run = running.kill();
        assertThat(run.dataFile()).as("flushed by default\n%s", run.describe()).isRegularFile();
        assertThat(firstFlushMillis).as("the first flush comes after the default 5 s (not sooner), ms after start")
                .isGreaterThanOrEqualTo(4_500);
        assertThat(only(run.sitesIn(FlushTarget.class, "tickSleep")).count()).isGreaterThanOrEqualTo(50);
    }

    static long ticks(DataFile data) {
        return data.callSites().stream().filter(s -> RunResult.hasFrame(s, FlushTarget.class, "tickSleep"))
                .mapToLong(CallSite::count).sum();
    }

    static CallSite only(List<CallSite> sites) {
        assertThat(sites).hasSize(1);
        return sites.get(0);
    }
}
