package io.loopguard.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.format.FrameText;
import io.loopguard.format.jfr.RecordingReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jdk.jfr.Name;
import jdk.jfr.Recording;
import jdk.jfr.StackTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flight recordings as CLI input: a directory of recordings from two JVMs gives the same report, SARIF, check
 * verdict and baseline as a directory of the same JVMs' data files; a cut recording is exit 2 and one line naming it.
 */
class RecordingInputTest {
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

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private Path recording(String name, String category, String method, String detail, String appClass, int calls)
            throws Exception {
        Path file = dir.resolve("jfr").resolve(name);
        Files.createDirectories(file.getParent());
        List<Frame> stack = List.of(new Frame(method.substring(0, method.lastIndexOf('.')),
                method.substring(method.lastIndexOf('.') + 1), null, -1), new Frame(appClass, "handle", "H.java", 7));
        try (Recording recording = new Recording()) {
            recording.enable(RecordingReader.EVENT);
            recording.start();
            for (int i = 0; i < calls; i++) {
                BlockingCall event = new BlockingCall();
                event.begin();
                Thread.sleep(2);
                event.category = category;
                event.blockingMethod = method;
                event.detail = detail;
                event.loopThread = "loop-0";
                event.stack = FrameText.format(stack);
                event.commit();
            }
            recording.stop();
            recording.dump(file);
        }
        return file;
    }

    int run(String... args) {
        stdout.reset();
        PrintStream err = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void recordingsOfManyJvmsReportLikeTheirDataFiles() throws Exception {
        Path first = recording("a.jfr", "jdbc", "java.sql.Statement.executeQuery", "SELECT ?", "demo.A", 2);
        Path second = recording("b.jfr", "sleep", "java.lang.Thread.sleep", null, "demo.B", 1);
        Path data = Files.createDirectories(dir.resolve("data"));
        DataFileWriter.writeAtomically(RecordingReader.read(first), data.resolve("loopguard-1.json"));
        DataFileWriter.writeAtomically(RecordingReader.read(second), data.resolve("loopguard-2.json"));
        Path jfr = first.getParent();

        assertThat(run("report", "--out", dir.resolve("r-jfr").toString(), jfr.toString())).isZero();
        assertThat(run("report", "--out", dir.resolve("r-data").toString(), data.toString())).isZero();
        for (String name : List.of("loopguard.sarif", "loopguard.json", "TEST-loopguard.xml")) {
            assertThat(Files.readString(dir.resolve("r-jfr").resolve(name))).as(name)
                    .isEqualTo(Files.readString(dir.resolve("r-data").resolve(name)));
        }

        assertThat(run("check", "--out", dir.resolve("c-jfr").toString(), jfr.toString())).isEqualTo(1);
        String jfrVerdict = stdout.toString(StandardCharsets.UTF_8).replace(dir.resolve("c-jfr").toString(), "OUT");
        assertThat(run("check", "--out", dir.resolve("c-data").toString(), data.toString())).isEqualTo(1);
        assertThat(jfrVerdict).contains("demo/H.java:7: blocking jdbc call java.sql.Statement.executeQuery on loop-0")
                .isEqualTo(stdout.toString(StandardCharsets.UTF_8).replace(dir.resolve("c-data").toString(), "OUT"));

        Path baseline = dir.resolve("baseline.json");
        assertThat(run("baseline", "--write", baseline.toString(), jfr.toString())).isZero();
        assertThat(run("check", "--baseline", baseline.toString(), data.toString())).as("a baseline from recordings "
                + "accepts the data files").isZero();
    }

    @Test
    void aCutRecordingIsExitTwoAndOneLineNamingIt() throws Exception {
        Path whole = recording("a.jfr", "sleep", "java.lang.Thread.sleep", null, "demo.B", 1);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThat(run("check", cut.toString())).isEqualTo(2);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(err.lines().filter(l -> l.contains("cut.jfr: not a readable JFR recording")).count()).as(err)
                .isEqualTo(1);
        assertThat(err).doesNotContain("\tat ");
    }
}
