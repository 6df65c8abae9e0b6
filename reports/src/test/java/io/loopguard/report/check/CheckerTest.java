package io.loopguard.report.check;

import io.loopguard.format.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.report.Fixtures;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckerTest {

    @TempDir
    Path dir;

    static final CallSite JDBC = Fixtures.site(Category.JDBC, "java.sql.Statement.executeQuery", "SELECT ?",
            Fixtures.app("demo.A", "a", 10), 2, 30_000_000, "loop-0");
    static final CallSite SLEEP = Fixtures.site(Category.SLEEP, "java.lang.Thread.sleep", null,
            Fixtures.app("demo.B", "b", 20), 1, 1_000_000, "loop-1");

    static MergedReport report(CallSite... sites) {
        return new MergedReport(List.of(), List.of(sites), 0, List.of(), List.of());
    }

    @Test
    void strictRulesFailOnAnySite() {
        CheckResult result = Checker.check(report(JDBC, SLEEP), Rules.strict(), null);
        assertThat(result.passed()).isFalse();
        assertThat(result.with(SiteVerdict.Status.VIOLATION)).hasSize(2);
        assertThat(Checker.check(report(), Rules.strict(), null).passed()).isTrue();
    }

    @Test
    void maxSitesMaxBlockedAndCategories() {
        assertThat(Checker.check(report(JDBC, SLEEP), new Rules(2, Rules.NO_LIMIT, Set.of()), null).passed()).isTrue();
        assertThat(Checker.check(report(JDBC, SLEEP), new Rules(1, Rules.NO_LIMIT, Set.of()), null)
                .with(SiteVerdict.Status.VIOLATION)).hasSize(2);
        CheckResult blocked = Checker.check(report(JDBC, SLEEP), new Rules(0, 5_000_000, Set.of()), null);
        assertThat(blocked.with(SiteVerdict.Status.VIOLATION)).extracting(SiteVerdict::site).containsExactly(JDBC);
        assertThat(blocked.with(SiteVerdict.Status.IGNORED).get(0).reason()).contains("within max-blocked 5.00 ms");
        CheckResult sleepOnly = Checker.check(report(JDBC, SLEEP), new Rules(0, Rules.NO_LIMIT,
                Set.of(Category.SLEEP)), null);
        assertThat(sleepOnly.with(SiteVerdict.Status.VIOLATION)).extracting(SiteVerdict::site).containsExactly(SLEEP);
        assertThat(sleepOnly.rules().describe()).isEqualTo("max-sites 0, categories sleep");
    }

    @Test
    void baselineKeysIgnoreLinesAndReportFixedEntries() throws Exception {
        Path file = dir.resolve("sub/loopguard-baseline.json");
        Baseline.of(List.of(JDBC, SLEEP)).write(file);
        Baseline baseline = Baseline.read(file);
        assertThat(baseline.entries()).hasSize(2);
        List<Frame> moved = new ArrayList<>(JDBC.stack());
        moved.set(2, Fixtures.app("demo.A", "a", 99)); // the application line moved: a different id, same key
        CallSite jdbcMoved = new CallSite("0000000000000001", JDBC.category(), JDBC.blockingMethod(), null,
                JDBC.threads(), 1, 1, 1, 1, JDBC.firstSeen(), JDBC.lastSeen(), moved);
        CallSite fresh = Fixtures.site(Category.FILE, "java.io.FileInputStream.read", "/etc/hosts",
                Fixtures.app("demo.C", "c", 3), 1, 1, "loop-0");
        CheckResult result = Checker.check(report(jdbcMoved, fresh), Rules.strict(), baseline);
        assertThat(result.with(SiteVerdict.Status.BASELINED)).extracting(SiteVerdict::site).containsExactly(jdbcMoved);
        assertThat(result.with(SiteVerdict.Status.VIOLATION)).extracting(SiteVerdict::site).containsExactly(fresh);
        assertThat(result.fixed()).extracting(Baseline.Entry::at).containsExactly("demo.B.b");

        assertThat(baseline.updatedWith(List.of(jdbcMoved, fresh), false).entries()).hasSize(3);
        assertThat(baseline.updatedWith(List.of(jdbcMoved, fresh), true).entries()).hasSize(2);
        assertThat(Files.readString(file)).startsWith("{\n  \"format\": \"loopguard-baseline/1\"");
    }

    @Test
    void badBaselineFiles() throws Exception {
        Path file = dir.resolve("b.json");
        Files.writeString(file, "{\"format\": \"loopguard/1\"}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessage(file
                + ": not a baseline file, expected \"format\": \"loopguard-baseline/1\" at line 1, column 1");
        Files.writeString(file, "{\"format\": \"loopguard-baseline/1\", \"entries\": [{\"key\": 1}]}");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("entries[0].key: expected a string");
        Files.writeString(file, "{\"format\": ");
        assertThatThrownBy(() -> Baseline.read(file)).hasMessageContaining("truncated");
    }

    @Test
    void durations() {
        assertThat(Durations.parseNanos("0")).isZero();
        assertThat(Durations.parseNanos("500us")).isEqualTo(500_000);
        assertThat(Durations.parseNanos("5ms")).isEqualTo(5_000_000);
        assertThat(Durations.parseNanos("1s")).isEqualTo(1_000_000_000);
        assertThat(Durations.parseNanos("1.5s")).isEqualTo(1_500_000_000);
        for (String bad : List.of("5", "ms", "5 parsecs", "-1s", "1.2.3s", "")) {
            assertThatThrownBy(() -> Durations.parseNanos(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid duration '" + bad + "'");
        }
        assertThat(Durations.format(1_240_000_000)).isEqualTo("1.24 s");
        assertThat(Durations.format(61_234_567)).isEqualTo("61.2 ms");
        assertThat(Durations.format(812)).isEqualTo("812 ns");
    }

    @Test
    void violationLine() throws Exception {
        assertThat(ViolationLines.format(JDBC, SourcePaths.none())).isEqualTo(
                "demo/A.java:10: blocking jdbc call java.sql.Statement.executeQuery on loop-0 (2 calls, 30.0 ms) [loopguard]");
        Path src = dir.resolve("app/src/main/java/demo");
        Files.createDirectories(src);
        Files.writeString(src.resolve("A.java"), "class A {}");
        SourcePaths roots = new SourcePaths(List.of(Path.of("lib/src"), Path.of("app/src/main/java")), dir);
        assertThat(ViolationLines.format(JDBC, roots)).startsWith("app/src/main/java/demo/A.java:10: blocking jdbc");
    }

    @Test
    void violationLineNamesTheTestsDuringWhichTheCallOccurred() {
        CallSite fromTests = JDBC.mergedWith(new CallSite(JDBC.id(), JDBC.category(), JDBC.blockingMethod(), null,
                List.of("loop-0"), 1, 1, 1, 1, JDBC.firstSeen(), JDBC.lastSeen(), JDBC.stack(),
                List.of("demo.ATest#a()", "demo.ATest#b()", "demo.BTest#c()", "demo.BTest#d()", "demo.CTest#e()")));
        assertThat(ViolationLines.format(fromTests, SourcePaths.none())).isEqualTo("demo/A.java:10: blocking jdbc call "
                + "java.sql.Statement.executeQuery on loop-0 (3 calls, 30.0 ms) during demo.ATest#a(), demo.ATest#b(), "
                + "demo.BTest#c() and 2 more [loopguard]");
    }
}
