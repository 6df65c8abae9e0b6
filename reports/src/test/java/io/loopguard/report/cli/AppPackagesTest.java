package io.loopguard.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: {@code --app-packages} decides which frames are the application's in {@code check}'s lines, SARIF's code
 * flows and the HTML report's source links. The handler lives under {@code org.apache.}, which the library list names:
 * without the option the reports point at the library it called, with it they point at it.
 */
class AppPackagesTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    @BeforeEach
    void data() throws Exception {
        List<Frame> stack = List.of(
                new Frame("java.io.FileInputStream", "read", "FileInputStream.java", 276),
                new Frame("com.google.common.io.ByteStreams", "toByteArray", "ByteStreams.java", 241),
                new Frame("org.apache.myteam.Handler", "handle", "Handler.java", 12),
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569),
                new Frame("java.lang.Thread", "run", "Thread.java", 840));
        CallSite site = new CallSite(CallSiteId.of("file", "java.io.FileInputStream.read", stack), "file",
                "java.io.FileInputStream.read", "/etc/motd", List.of("loop-0"), 3, 30_000_000, 1_000_000, 20_000_000,
                Fixtures.T0, Fixtures.T0.plusSeconds(1), stack);
        DataFileWriter.writeAtomically(Fixtures.file(1, List.of(site)), dir.resolve("data").resolve("loopguard-1.json"));
        Path source = dir.resolve("src/org/apache/myteam/Handler.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package org.apache.myteam;\n");
    }

    @AfterEach
    void noApplicationPackages() {
        Frame.applicationPackages(List.of()); // a JVM-wide setting: no other test may see it
    }

    int check(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("check", "--out", dir.resolve("out").toString(),
                "--source-roots", dir.resolve("src").toString()));
        args.addAll(List.of(extra));
        args.add(dir.resolve("data").toString());
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.run(args.toArray(String[]::new), new PrintStream(stdout, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void withoutTheOptionACodeOfALibraryOrganisationIsNotTheApplications() throws Exception {
        assertThat(check()).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("org/apache/myteam/Handler.java:12:")
                .contains("com/google/common/io/ByteStreams.java:241: blocking file call");
        assertThat(Files.readString(dir.resolve("out/loopguard.sarif")))
                .doesNotContain("org/apache/myteam/Handler.java");
        assertThat(Files.readString(dir.resolve("out/index.html"))).doesNotContain("org/apache/myteam/Handler.java");
    }

    @Test
    void appPackagesMakeItTheApplicationInCheckSarifAndHtml() throws Exception {
        assertThat(check("--app-packages", "org.apache.myteam")).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("org/apache/myteam/Handler.java:12: blocking file call java.io.FileInputStream.read on loop-0");
        String sarif = Files.readString(dir.resolve("out/loopguard.sarif"));
        io.loopguard.report.sarif.SarifSchema.assertValid(sarif);
        String codeFlows = sarif.substring(sarif.indexOf("\"codeFlows\""), sarif.indexOf("\"stacks\""));
        assertThat(codeFlows).contains("org/apache/myteam/Handler.java", "\"startLine\":12");
        assertThat(Files.readString(dir.resolve("out/index.html"))).contains("org/apache/myteam/Handler.java");
    }

    @Test
    void aMalformedListIsOneUsageLine() {
        assertThat(check("--app-packages", "org..apache")).isEqualTo(2);
    }
}
