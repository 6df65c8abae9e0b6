package io.loopguard.report.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.report.Fixtures;
import io.loopguard.report.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} on GitHub Actions: annotations capped at GitHub's limit, a step summary; nothing elsewhere. */
class GitHubActionsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int check(Map<String, String> environment) {
        stdout.reset();
        return Main.run(new String[] {"check", dir.resolve("data").toString()},
                new PrintStream(stdout, true, StandardCharsets.UTF_8), environment);
    }

    private List<String> lines() {
        return stdout.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private void data(int sites) throws Exception {
        List<CallSite> list = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            CallSite site = Fixtures.site(Category.FILE, "java.io.FileInputStream.read", "/tmp/a,b:c%\n",
                    Fixtures.app("demo.H" + i, "handle", 10 + i), 1, 1_000_000L * (sites - i), "loop-0");
            list.add(i == 0 ? withTests(site) : site);
        }
        Files.createDirectories(dir.resolve("data"));
        DataFileWriter.writeAtomically(Fixtures.file(7, list), dir.resolve("data/loopguard-7.json"));
    }

    private static CallSite withTests(CallSite site) {
        return new CallSite(site.id(), site.category(), site.blockingMethod(), site.detail(), site.threads(),
                site.count(), site.totalNanos(), site.minNanos(), site.maxNanos(), site.firstSeen(), site.lastSeen(),
                site.stack(), List.of("demo.H0Test#reads()"));
    }

    /** Two call sites at one application line (reached by different paths) are one annotation, as in SARIF. */
    @Test
    void callSitesAtOneLineAreOneAnnotation() throws Exception {
        io.loopguard.format.Frame helper = Fixtures.app("demo.Config", "read", 7);
        List<CallSite> list = new ArrayList<>();
        for (String handler : List.of("UserHandler", "OrderHandler")) {
            List<io.loopguard.format.Frame> stack = List.of(
                    new io.loopguard.format.Frame("java.lang.Thread", "sleep", "Thread.java", -2), helper,
                    Fixtures.app("demo." + handler, "handle", 20),
                    new io.loopguard.format.Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569));
            list.add(new CallSite(io.loopguard.format.CallSiteId.of("sleep", "java.lang.Thread.sleep", stack), "sleep",
                    "java.lang.Thread.sleep", null, List.of("loop-0"), 2, 4_000_000, 2_000_000, 2_000_000, Fixtures.T0,
                    Fixtures.T0, stack));
        }
        Files.createDirectories(dir.resolve("data"));
        DataFileWriter.writeAtomically(Fixtures.file(8, list), dir.resolve("data/loopguard-8.json"));
        assertThat(check(Map.of("GITHUB_ACTIONS", "true"))).isEqualTo(1);
        assertThat(lines().stream().filter(l -> l.startsWith("::error ")).toList()).containsExactly(
                "::error file=demo/Config.java,line=7,title=loopguard%3A blocking sleep call::Blocking sleep call "
                        + "java.lang.Thread.sleep on event-loop thread loop-0 (4 calls, 8.00 ms blocked)");
    }

    @Test
    void annotationsNameFileAndLineAndAreCappedAtGitHubsLimit() throws Exception {
        data(12);
        Path summary = dir.resolve("summary.md");
        Files.writeString(summary, "earlier step\n");
        int code = check(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()));
        assertThat(code).isEqualTo(1);
        List<String> errors = lines().stream().filter(l -> l.startsWith("::error ")).toList();
        assertThat(errors).hasSize(GitHubActions.MAX_ERRORS);
        assertThat(errors.get(0)).isEqualTo("::error file=demo/H0.java,line=10,title=loopguard%3A blocking file call::"
                + "Blocking file call java.io.FileInputStream.read on event-loop thread loop-0 (1 call, 12.0 ms blocked) "
                + "during demo.H0Test#reads()%0Adetail: /tmp/a,b:c%25%0A");
        assertThat(lines()).contains("::warning title=loopguard::2 more blocking call sites are not annotated (GitHub "
                + "shows 10 error annotations per step): see the step summary and the loopguard report");

        String md = Files.readString(summary);
        assertThat(md).startsWith("earlier step\n## loopguard: failed")
                .contains("12 blocking call sites on event-loop threads violate the loopguard rules (max-sites 0, all "
                        + "categories).")
                .contains("| 12 | 0 | 0 |")
                .contains("| `demo/H0.java:10` | file | `java.io.FileInputStream.read` | 1 | 12.0 ms | demo.H0Test#reads() |");
    }

    @Test
    void aPassingCheckWritesAPassingSummaryAndNoAnnotation() throws Exception {
        data(0);
        Path summary = dir.resolve("summary.md");
        assertThat(check(Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()))).isZero();
        assertThat(lines()).noneMatch(l -> l.startsWith("::"));
        assertThat(Files.readString(summary)).startsWith("## loopguard: passed")
                .contains("All loopguard checks have been met");
    }

    @Test
    void nothingOutsideGitHubActions() throws Exception {
        data(2);
        assertThat(check(Map.of())).isEqualTo(1);
        assertThat(lines()).noneMatch(l -> l.startsWith("::"));
        assertThat(check(Map.of("GITHUB_ACTIONS", "false"))).isEqualTo(1);
        assertThat(lines()).noneMatch(l -> l.startsWith("::"));
    }
}
