package io.loopguard.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.report.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergerTest {

    @TempDir
    Path dir;

    static final CallSite A = Fixtures.site(Category.JDBC, "java.sql.Statement.executeQuery", null,
            Fixtures.app("demo.A", "a", 1), 2, 10_000_000, "loop-0");

    @Test
    void mergesByIdAcrossJvms() {
        CallSite other = new CallSite(A.id(), A.category(), A.blockingMethod(), "SELECT 1", List.of("loop-1", "loop-0"),
                3, 5_000_000, 1, 9_000_000, A.firstSeen().minusSeconds(1), A.lastSeen().plusSeconds(1), A.stack());
        CallSite b = Fixtures.site(Category.SLEEP, "java.lang.Thread.sleep", null, Fixtures.app("demo.B", "b", 2), 1,
                20_000_000, "loop-0");
        MergedReport report = Merger.merge(List.of(run(1), run(2)),
                List.of(Fixtures.file(1, List.of(A)), new DataFile(DataFile.FORMAT, Fixtures.jvm(2), List.of(other, b),
                        4, List.of("loop-1"))), List.of());
        assertThat(report.callSites()).hasSize(2);
        assertThat(report.callSites().get(0)).isEqualTo(b); // most blocked time first
        CallSite merged = report.callSites().get(1);
        assertThat(merged.count()).isEqualTo(5);
        assertThat(merged.totalNanos()).isEqualTo(15_000_000);
        assertThat(merged.minNanos()).isEqualTo(1);
        assertThat(merged.maxNanos()).isEqualTo(10_000_000);
        assertThat(merged.threads()).containsExactly("loop-0", "loop-1");
        assertThat(merged.detail()).isEqualTo("SELECT 1");
        assertThat(merged.firstSeen()).isEqualTo(other.firstSeen());
        assertThat(merged.lastSeen()).isEqualTo(other.lastSeen());
        assertThat(report.droppedCalls()).isEqualTo(4);
        assertThat(report.registeredThreads()).containsExactly("vert.x-eventloop-thread-0", "loop-1");
        assertThat(report.totalCalls()).isEqualTo(6);
        assertThat(report.sitesPerCategory()).containsExactly(java.util.Map.entry("jdbc", 1L),
                java.util.Map.entry("sleep", 1L));
        DataFile mergedFile = report.toDataFile();
        assertThat(mergedFile.jvm().pid()).isZero();
        assertThat(mergedFile.jvm().command()).isEqualTo("merged from 2 JVMs (pids 1 2)");
    }

    static Run run(long pid) {
        return new Run("loopguard-" + pid + ".json", Fixtures.jvm(pid), 1, 0);
    }

    @Test
    void loadsDirectoriesAndReportsEveryBadFile() throws Exception {
        DataFileWriter.writeAtomically(Fixtures.file(1, List.of(A)), dir.resolve("loopguard-1.json"));
        Files.writeString(dir.resolve("loopguard-2.json"), "{\"format\": \"loopguard/1\", \"jvm\": {");
        Files.writeString(dir.resolve("loopguard-3.json"), "{\"format\": \"loopguard/9\"}");
        Files.writeString(dir.resolve("other.json"), "not even json"); // not a loopguard-*.json: ignored
        Path emptyDir = Files.createDirectory(dir.resolve("empty"));
        LoadResult result = InputFiles.load(List.of(dir, emptyDir, dir.resolve("loopguard-404.json")));
        assertThat(result.files()).hasSize(1);
        assertThat(result.failures()).extracting(Throwable::getMessage).containsExactly(
                dir.resolve("loopguard-2.json") + ": unexpected end of input (truncated file?), expected a quoted member name at line 1, column 35",
                dir.resolve("loopguard-3.json") + ": unsupported format 'loopguard/9', expected loopguard/1 at line 1, column 12",
                emptyDir + ": no loopguard-*.json or *.jfr files in this directory",
                dir.resolve("loopguard-404.json") + ": file not found");
        MergedReport report = Merger.merge(result);
        assertThat(report.skipped()).hasSize(4);
        assertThat(report.callSites()).containsExactly(A);
    }

    @Test
    void primaryFrameIsFirstApplicationFrame() {
        assertThat(StackFrames.primaryFrameIndex(A)).isEqualTo(2);
        assertThat(StackFrames.render(A.stack().get(2))).isEqualTo("A.a(A.java:1)");
        assertThat(StackFrames.isLibrary(A.stack().get(3))).isTrue();
    }
}
