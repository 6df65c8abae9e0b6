package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.ScenarioChecks;
import io.loopguard.agent.it.targets.ClassInitTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A loop that needs a class another thread is linking waits for the JVM's class-linking lock: JFR reports a
 * contended monitor of class {@code int[]}, and the agent leaves it out (JVM warm-up, like class loading), whether the
 * wait stands in {@code Class.forName} or at an application's {@code new}; the application's own {@code synchronized}
 * on an {@code int[]} is still a {@code monitor} site. The user's own recording of the same run proves that the JVM
 * did report each wait, so nothing passes here because no event came.
 */
class ClassInitIT {
    static RunResult run;

    @BeforeAll
    static void runTarget() {
        // stall=0: the scenario threads spin while the linker starts, which a loaded machine could stretch past the
        // stall limit; stalls are not what this test is about
        run = AgentProcess.of(ClassInitTarget.class).option("stall=0")
                .jvmArg("-XX:StartFlightRecording=filename=recording.jfr,settings=profile").run();
    }

    @Test
    void targetRanAndEveryLoopWaitedForTheLinkingLock() {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.facts()).as(run.describe())
                .containsEntry("needed.loop-classLinkedByAnotherThreadForName", "true")
                .containsEntry("needed.loop-classLinkedByAnotherThreadNew", "true");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioChecks.forTarget(run, ClassInitTarget.class);
    }

    @Test
    void theJvmReportedEachWaitAsAContendedIntArray() throws Exception {
        Path recording = run.runDir().resolve("recording.jfr");
        assertThat(Files.isRegularFile(recording)).as("the JVM wrote its recording\n%s", run.describe()).isTrue();
        List<String> waits = RecordingFile.readAllEvents(recording).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.JavaMonitorEnter"))
                .filter(e -> "[I".equals(e.getClass("monitorClass").getName()))
                .filter(e -> e.getDuration().compareTo(Duration.ofMillis(39)) >= 0)
                .map(ClassInitIT::threadAndTopMethod).collect(Collectors.toList());
        assertThat(waits).as("the JVM's own monitor events")
                .contains("loop-classLinkedByAnotherThreadForName java.lang.Class.forName0",
                        "loop-classLinkedByAnotherThreadNew " + ClassInitTarget.class.getPackageName()
                                + ".classinit.Trigger.run",
                        "loop-synchronizedOnAnIntArray " + ClassInitTarget.class.getName() + ".synchronizedOnAnIntArray");
    }

    @Test
    void theOnlyIntArrayMonitorSiteIsTheApplicationsOwn() {
        assertThat(run.sitesWhere(s -> s.category().equals("monitor") && s.detail() != null
                && s.detail().startsWith("[I")))
                .extracting(s -> s.blockingMethod())
                .containsExactly(ClassInitTarget.class.getName() + ".synchronizedOnAnIntArray");
    }

    private static String threadAndTopMethod(RecordedEvent event) {
        var frame = event.getStackTrace().getFrames().get(0);
        return event.getThread("eventThread").getJavaName() + " " + frame.getMethod().getType().getName() + "."
                + frame.getMethod().getName();
    }
}
