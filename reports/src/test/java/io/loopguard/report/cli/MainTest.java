package io.loopguard.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.Category;
import io.loopguard.format.DataFileWriter;
import io.loopguard.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void data() throws Exception {
        DataFileWriter.writeAtomically(Fixtures.file(1, List.of(
                Fixtures.site(Category.JDBC, "java.sql.Statement.executeQuery", "SELECT ?",
                        Fixtures.app("demo.A", "a", 10), 2, 30_000_000, "loop-0"),
                Fixtures.site(Category.SLEEP, "java.lang.Thread.sleep", null,
                        Fixtures.app("demo.B", "b", 20), 1, 1_000_000, "loop-1"))),
                dir.resolve("loopguard-1.json"));
    }

    int run(String... args) {
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

    @Test
    void reportWritesAllFormats() {
        assertThat(run("report", "--out", dir.resolve("out").toString(), dir.toString())).isZero();
        assertThat(dir.resolve("out")).isDirectoryContaining(p -> p.endsWith("index.html"))
                .isDirectoryContaining(p -> p.endsWith("loopguard.json"))
                .isDirectoryContaining(p -> p.endsWith("loopguard.sarif"))
                .isDirectoryContaining(p -> p.endsWith("TEST-loopguard.xml"));
        assertThat(out()).contains("See the report at: file://");
    }

    @Test
    void checkExitCodes() {
        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(out()).contains("demo/A.java:10: blocking jdbc call java.sql.Statement.executeQuery on loop-0 "
                + "(2 calls, 30.0 ms) [loopguard]", "See the report at: file://");
        stdout.reset();
        assertThat(run("check", "--max-blocked", "5ms", "--max-sites", "1", dir.toString())).isZero();
        assertThat(out()).contains("All loopguard checks have been met");
        assertThat(run("check", "--categories", "sleep,file", "--max-blocked=1s", dir.toString())).isZero();
    }

    @Test
    void baselineThenCheckPassesUntilANewSiteAppears() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        assertThat(run("baseline", "--write", baseline.toString(), dir.toString())).isZero();
        assertThat(run("check", "--baseline", baseline.toString(), dir.toString())).isZero();
        DataFileWriter.writeAtomically(Fixtures.file(2, List.of(Fixtures.site(Category.FILE,
                "java.io.FileInputStream.read", null, Fixtures.app("demo.C", "c", 3), 1, 1, "loop-0"))),
                dir.resolve("loopguard-2.json"));
        assertThat(run("check", "--baseline", baseline.toString(), dir.toString())).isEqualTo(1);
        Files.delete(dir.resolve("loopguard-1.json"));
        stdout.reset();
        assertThat(run("check", "--baseline", baseline.toString(), dir.toString())).isEqualTo(1);
        assertThat(out()).contains("2 baseline entries fixed since the baseline");
        stdout.reset();
        assertThat(run("baseline", "--write", baseline.toString(), "--prune", dir.toString())).isZero();
        assertThat(out()).contains("1 entries (1 new, 2 fixed since the previous baseline, pruned)");
    }

    @Test
    void badInputIsExitTwoWithoutStackTrace() throws Exception {
        Files.writeString(dir.resolve("loopguard-9.json"), "{\"format\": \"loopguard/1\", \"jvm\": {\"pid\": 1");
        assertThat(run("check", dir.toString())).isEqualTo(2);
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(err).contains("loopguard-9.json: unexpected end of input (truncated file?), expected ',' or '}' "
                + "at line 1, column 43").contains("skipped 1 of 2 inputs").doesNotContain("\tat ", "Exception");
        assertThat(run("report", dir.resolve("nothing-here.json").toString())).isEqualTo(2);
        assertThat(run("check", "--max-blocked", "5 parsecs", dir.toString())).isEqualTo(2);
        assertThat(run("check", "--categories", "disk", dir.toString())).isEqualTo(2);
        assertThat(run("check", "--bogus", dir.toString())).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("baseline", "--write", dir.resolve("b.json").toString(), dir.toString())).isEqualTo(2);
        assertThat(dir.resolve("b.json")).doesNotExist();
        assertThat(stderr.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ");
    }
}
