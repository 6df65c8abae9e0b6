package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.targets.VertxTarget;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.jfr.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

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

    /** What the reports show of each site: id, category, method, detail, count, stack. */
    private static List<String> summary(DataFile data) {
        return data.callSites().stream()
                .map(s -> s.id() + " " + s.category() + " " + s.blockingMethod() + " " + s.detail() + " x" + s.count()
                        + " " + s.threads() + " " + s.stack())
                .sorted().collect(Collectors.toList());
    }
}
