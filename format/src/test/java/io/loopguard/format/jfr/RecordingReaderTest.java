package io.loopguard.format.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileException;
import io.loopguard.format.Frame;
import io.loopguard.format.FrameText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings made in this JVM with an event of the agent's name and fields (the agent's own class is not here). */
class RecordingReaderTest {
    @TempDir
    Path dir;

    @Name(RecordingReader.EVENT)
    @StackTrace(false)
    static final class BlockingCall extends jdk.jfr.Event {
        String category;
        String blockingMethod;
        String detail;
        String loopThread;
        String callSite;
        String stack;
    }

    @Name(RecordingReader.UTILIZATION)
    @StackTrace(false)
    static final class LoopUtilization extends jdk.jfr.Event {
        String loopThread;
        @jdk.jfr.Timespan(jdk.jfr.Timespan.NANOSECONDS)
        long period;
        @jdk.jfr.Timespan(jdk.jfr.Timespan.NANOSECONDS)
        long busy;
        @jdk.jfr.Timespan(jdk.jfr.Timespan.NANOSECONDS)
        long blocked;
        @jdk.jfr.Timespan(jdk.jfr.Timespan.NANOSECONDS)
        long stall;
        @jdk.jfr.Timespan(jdk.jfr.Timespan.NANOSECONDS)
        long other;
        double busyShare;
    }

    private static final List<Frame> STACK = List.of(new Frame("java.lang.Thread", "sleep", "Thread.java", -2),
            new Frame("demo.Handler", "handle", "Handler.java", 12));

    private Path record(int calls) throws Exception {
        return record(calls, 0);
    }

    /** {@code calls} blocking calls on loop-0 and loop-1 in turn, and {@code periods} utilization events of loop-0. */
    private Path record(int calls, int periods) throws Exception {
        Path file = dir.resolve("app.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(RecordingReader.EVENT);
            recording.enable(RecordingReader.UTILIZATION);
            recording.enable("jdk.JVMInformation");
            recording.enable("jdk.InitialSystemProperty");
            recording.start();
            for (int i = 0; i < periods; i++) {
                LoopUtilization period = new LoopUtilization();
                period.loopThread = "loop-0";
                period.period = 1_000_000_000L;
                period.busy = 100_000_000L * (i + 1);
                period.busyShare = period.busy / 1e9;
                period.commit();
            }
            for (int i = 0; i < calls; i++) {
                BlockingCall event = new BlockingCall();
                event.begin();
                Thread.sleep(2);
                event.category = "sleep";
                event.blockingMethod = "java.lang.Thread.sleep";
                event.detail = i == 0 ? null : "d" + i;
                event.loopThread = "loop-" + (i % 2);
                event.stack = FrameText.format(STACK);
                event.commit();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    @Test
    void eventsOfOneStackAreOneCallSiteWithTheDataFilesId() throws Exception {
        DataFile data = RecordingReader.read(record(3));
        assertThat(data.callSites()).hasSize(1);
        CallSite site = data.callSites().get(0);
        assertThat(site.id()).isEqualTo(CallSiteId.of("sleep", "java.lang.Thread.sleep", STACK));
        assertThat(site.count()).isEqualTo(3);
        assertThat(site.stack()).isEqualTo(STACK);
        assertThat(site.detail()).as("the first detail known").isEqualTo("d1");
        assertThat(site.threads()).containsExactly("loop-0", "loop-1");
        assertThat(site.minNanos()).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(site.totalNanos()).isGreaterThanOrEqualTo(3 * site.minNanos());
        assertThat(site.maxNanos()).isLessThanOrEqualTo(site.totalNanos());
        assertThat(data.jvm().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(data.jvm().javaVersion()).startsWith(System.getProperty("java.version"));
    }

    @Test
    void eachSiteHasTheHistogramOfItsEventsDurations() throws Exception {
        CallSite site = RecordingReader.read(record(5)).callSites().get(0);
        assertThat(site.histogram()).isNotNull();
        assertThat(site.histogram().count()).isEqualTo(5);
        assertThat(site.percentileNanos(0.5)).isBetween(site.minNanos(), site.maxNanos());
    }

    @Test
    void loopsComeFromUtilizationEventsAndTheLoopsBlockingCalls() throws Exception {
        DataFile data = RecordingReader.read(record(5, 2));
        assertThat(data.loops()).as("only loop-0 has utilization events").hasSize(1);
        io.loopguard.format.LoopTime loop = data.loops().get(0);
        assertThat(loop.thread()).isEqualTo("loop-0");
        assertThat(loop.registeredNanos()).isEqualTo(2_000_000_000L);
        assertThat(loop.busyNanos()).isEqualTo(300_000_000L);
        long loop0 = 0;
        CallSite site = data.callSites().get(0);
        assertThat(loop.longest()).as("calls 0, 2 and 4 ran on loop-0").hasSize(3)
                .allSatisfy(stretch -> assertThat(stretch.site()).isEqualTo(site.id()));
        for (io.loopguard.format.BlockedStretch stretch : loop.longest()) {
            loop0 += stretch.nanos();
        }
        assertThat(loop.blockedNanos()).containsOnlyKeys("sleep").containsEntry("sleep", loop0);
        assertThat(loop.stallNanos()).isZero();
        assertThat(loop.registeredAt()).isNotNull();

        assertThat(RecordingReader.read(record(2, 0)).loops()).as("no utilization events, no loops").isEmpty();
    }

    @Test
    void aCutOrForeignFileIsOneLineNamingIt() throws Exception {
        Path whole = record(2);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(bytes, bytes.length / 2));
        Path foreign = Files.writeString(dir.resolve("foreign.jfr"), "{\"format\": \"loopguard/1\"}");
        for (Path bad : List.of(cut, foreign)) {
            assertThatThrownBy(() -> RecordingReader.read(bad)).isInstanceOf(DataFileException.class)
                    .hasMessageStartingWith(bad + ": not a readable JFR recording")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
        assertThatThrownBy(() -> RecordingReader.read(dir.resolve("missing.jfr")))
                .hasMessage(dir.resolve("missing.jfr") + ": no such file");
    }
}
