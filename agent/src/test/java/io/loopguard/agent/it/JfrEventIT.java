package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.targets.UtilizationTarget;
import io.loopguard.agent.it.targets.VertxTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.jfr.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Vert.x server under the agent with {@code -XX:StartFlightRecording} and JFR's default settings: every
 * recorded call is one {@code io.loopguard.BlockingCall} event in the recording, with its category, detail, duration
 * and a stack (without the agent's frames) that reaches the request handler; and the recording read as report input
 * gives the data file's call sites, same ids.
 */
class JfrEventIT {

    @Test
    void everyRecordedCallIsOneEventInTheUsersRecording() throws Exception {
        RunResult run = AgentProcess.of(VertxTarget.class).name("VertxJfr")
                .jvmArg("-XX:StartFlightRecording=filename=recording.jfr").run();
        AutodetectIT.assertRan(run);
        Path recording = run.runDir().resolve("recording.jfr");
        assertThat(Files.isRegularFile(recording)).as("the JVM wrote its recording\n%s", run.describe()).isTrue();

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("io.loopguard.BlockingCall")).collect(Collectors.toList());
        DataFile data = run.data();
        long calls = data.callSites().stream().mapToLong(CallSite::count).sum();
        assertThat(calls).as(run.describe()).isPositive();
        assertThat(events).as("one event per recorded call\n%s", run.describe()).hasSize((int) calls);

        CallSite planted = run.sitesIn(VertxTarget.class, "plantedSleep").get(0);
        List<RecordedEvent> plantedEvents = events.stream()
                .filter(e -> planted.id().equals(e.getString("callSite"))).collect(Collectors.toList());
        assertThat(plantedEvents).hasSize((int) planted.count());
        RecordedEvent event = plantedEvents.get(0);
        assertThat(event.getString("category")).isEqualTo("sleep");
        assertThat(event.getString("blockingMethod")).isEqualTo("java.lang.Thread.sleep");
        assertThat(event.hasField("detail")).isTrue();
        assertThat(event.getDuration().toNanos()).as("the event's duration is the call's (a 30 ms sleep)")
                .isBetween(29_400_000L, planted.maxNanos());
        assertThat(event.getString("loopThread")).startsWith("vert.x-eventloop-thread-");
        String stack = event.getString("stack");
        assertThat(stack).as("starts at the blocking API, no agent frame above it")
                .startsWith("java.lang.Thread.sleep(").doesNotContain("$LoopGuard").doesNotContain("io.loopguard.agent.record.")
                .doesNotContain("io.loopguard.agent.events.");
        assertThat(stack).contains(VertxTarget.class.getName() + ".plantedSleep(")
                .containsPattern("\\Q" + VertxTarget.class.getName() + ".lambda$main$\\E\\d+\\(VertxTarget.java:\\d+\\)");

        DataFile fromRecording = RecordingReader.read(recording);
        assertThat(summary(fromRecording)).as("report input from the recording = the data file")
                .isEqualTo(summary(data));
    }

    @Test
    void monitorContentionReadFromJfrIsTheSameEventTypeWithItsCategory() throws Exception {
        RunResult run = AgentProcess.of(io.loopguard.agent.it.targets.MonitorRecordingTarget.class).name("MonitorJfr")
                .jvmArg("-XX:StartFlightRecording=filename=recording.jfr").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<CallSite> monitors = run.sitesWhere(s -> s.category().equals("monitor"));
        assertThat(monitors).as(run.describe()).isNotEmpty();
        List<RecordedEvent> events = RecordingFile.readAllEvents(run.runDir().resolve("recording.jfr")).stream()
                .filter(e -> e.getEventType().getName().equals("io.loopguard.BlockingCall")
                        && "monitor".equals(e.getString("category")))
                .collect(Collectors.toList());
        long calls = monitors.stream().mapToLong(CallSite::count).sum();
        assertThat(events).as("one event per recorded monitor entry\n%s", run.describe()).hasSize((int) calls);
        for (RecordedEvent event : events) {
            assertThat(event.getString("loopThread")).as("the loop that blocked, not the agent's JFR thread")
                    .startsWith("loop-");
            assertThat(event.getString("detail")).isNotBlank();
            assertThat(event.getDuration().toNanos()).isPositive();
            assertThat(event.getString("stack")).doesNotContain("io.loopguard.agent.jfr.");
        }
        assertThat(summary(RecordingReader.read(run.runDir().resolve("recording.jfr"))).stream()
                .filter(line -> line.contains(" monitor ")).collect(Collectors.toList()))
                .isEqualTo(summary(run.data()).stream().filter(line -> line.contains(" monitor "))
                        .collect(Collectors.toList()));
    }

    /**
     * {@code io.loopguard.LoopUtilization} with JFR's default settings: one event per period (1 s) per registered
     * loop; the loop that spins 3 s in a handler is busy for the spin's length summed over its events, wholly busy in
     * a period inside the spin, idle between its warm-up request and the spin; the acceptor loop, idle all along, is
     * about 0 % busy.
     */
    @Test
    void loopUtilizationEventsMeasureAKnownBusyStretchAndAnIdleLoop() throws Exception {
        RunResult run = AgentProcess.of(UtilizationTarget.class).name("UtilizationJfr")
                .jvmArg("-XX:StartFlightRecording=filename=recording.jfr").run();
        assertUtilization(run, 5, 14);
    }

    /**
     * The period is JFR's own setting, here from a {@code .jfc}: 250 ms gives four times the events. (Not on the
     * command line: {@code -XX:StartFlightRecording:io.loopguard.LoopUtilization#period=...} is refused for an
     * event the JVM does not know at start-up, "doesn't exist".)
     */
    @Test
    void loopUtilizationPeriodIsJfrsPeriodSetting(@TempDir Path dir) throws Exception {
        Path settings = Files.writeString(dir.resolve("utilization.jfc"), String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<configuration version=\"2.0\" label=\"loop utilization every 250 ms\">",
                "  <event name=\"io.loopguard.LoopUtilization\">",
                "    <setting name=\"enabled\">true</setting>",
                "    <setting name=\"period\">250 ms</setting>",
                "  </event>",
                "</configuration>", ""));
        RunResult run = AgentProcess.of(UtilizationTarget.class).name("UtilizationJfrPeriod")
                .jvmArg("-XX:StartFlightRecording=settings=" + settings + ",filename=recording.jfr").run();
        assertUtilization(run, 16, 48);
    }

    private static void assertUtilization(RunResult run, int minEvents, int maxEvents) throws Exception {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe()).containsEntry("done", "true");
        String loop = run.fact("spinThread");
        long spinNanos = Long.parseLong(run.fact("spinNanos"));
        Instant spinStart = Instant.ofEpochMilli(Long.parseLong(run.fact("spinStartMillis")));
        List<RecordedEvent> all = RecordingFile.readAllEvents(run.runDir().resolve("recording.jfr")).stream()
                .filter(e -> e.getEventType().getName().equals("io.loopguard.LoopUtilization"))
                .collect(Collectors.toList());
        String described = all.stream().map(JfrEventIT::describe).collect(Collectors.joining("\n")) + "\n"
                + run.describe();
        for (RecordedEvent e : all) {
            long period = e.getDuration("period").toNanos();
            assertThat(period).as(described).isPositive();
            assertThat(e.getDuration("busy").toNanos()).as(described).isBetween(0L, period);
            assertThat(e.getDouble("busyShare")).as(described).isBetween(0.0, 1.0);
            assertThat(e.getDuration("other").toNanos()).as(described).isNotNegative();
        }

        List<RecordedEvent> onLoop = of(all, loop);
        assertThat(onLoop.size()).as("one event per period over ~9 s\n%s", described)
                .isBetween(minEvents, maxEvents);
        long busy = onLoop.stream().mapToLong(e -> e.getDuration("busy").toNanos()).sum();
        assertThat(busy).as("busy over the events = the spin (and the cold warm-up request), within margins\n%s",
                described).isBetween(spinNanos * 8 / 10, spinNanos + 1_500_000_000L);
        assertThat(onLoop.stream().mapToDouble(e -> e.getDouble("busyShare")).max().orElse(0))
                .as("a period inside the spin is wholly busy\n%s", described).isGreaterThanOrEqualTo(0.9);
        Instant warmed = Instant.ofEpochMilli(Long.parseLong(run.fact("warmedMillis")));
        List<RecordedEvent> idle = onLoop.stream()
                .filter(e -> e.getStartTime().minus(e.getDuration("period")).isAfter(warmed.plusMillis(100))
                        && e.getStartTime().isBefore(spinStart.minusMillis(100)))
                .collect(Collectors.toList());
        assertThat(idle).as("periods between the warm-up request and the spin\n%s", described).isNotEmpty();
        assertThat(idle).as("idle between the warm-up request and the spin\n%s", described)
                .allSatisfy(e -> assertThat(e.getDouble("busyShare")).isLessThan(0.1));
        long stall = onLoop.stream().mapToLong(e -> e.getDuration("stall").toNanos()).sum();
        long stallSites = run.sitesWhere(s -> s.category().equals("stall") && s.threads().contains(loop)).stream()
                .mapToLong(CallSite::totalNanos).sum();
        assertThat(stall).as("the spin's stall, in the period it ended\n%s", described).isEqualTo(stallSites);

        // The recording as report input: loops[] from these events, as the data file has it from the agent
        io.loopguard.format.LoopTime fromRecording = RecordingReader.read(run.runDir().resolve("recording.jfr"))
                .loops().stream().filter(l -> l.thread().equals(loop)).findFirst().orElseThrow();
        assertThat(fromRecording.busyNanos()).as("loops[] read from the recording").isEqualTo(busy);
        assertThat(fromRecording.registeredNanos())
                .isEqualTo(onLoop.stream().mapToLong(e -> e.getDuration("period").toNanos()).sum());

        List<RecordedEvent> acceptor = of(all, "vert.x-acceptor-thread-0");
        assertThat(acceptor).as("the idle acceptor loop\n%s", described).hasSizeGreaterThanOrEqualTo(minEvents);
        long acceptorBusy = acceptor.stream().mapToLong(e -> e.getDuration("busy").toNanos()).sum();
        long acceptorPeriods = acceptor.stream().mapToLong(e -> e.getDuration("period").toNanos()).sum();
        assertThat(acceptorBusy).as("an idle loop is about 0 %% busy\n%s", described)
                .isLessThan(acceptorPeriods / 20);
    }

    private static List<RecordedEvent> of(List<RecordedEvent> events, String loop) {
        return events.stream().filter(e -> loop.equals(e.getString("loopThread"))).collect(Collectors.toList());
    }

    private static String describe(RecordedEvent e) {
        return e.getStartTime() + " " + e.getString("loopThread") + " period " + e.getDuration("period").toMillis()
                + " ms busy " + e.getDuration("busy").toMillis() + " blocked " + e.getDuration("blocked").toMillis()
                + " stall " + e.getDuration("stall").toMillis() + " other " + e.getDuration("other").toMillis()
                + " share " + e.getDouble("busyShare");
    }

    /** What the reports show of each site: id, category, method, detail, count, stack. */
    private static List<String> summary(DataFile data) {
        return data.callSites().stream()
                .map(s -> s.id() + " " + s.category() + " " + s.blockingMethod() + " " + s.detail() + " x" + s.count()
                        + " " + s.threads() + " " + s.stack())
                .sorted().collect(Collectors.toList());
    }
}
