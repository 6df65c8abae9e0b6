package io.loopguard.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.DataFileReader;
import io.loopguard.format.DataFileWriter;
import io.loopguard.format.Frame;
import io.loopguard.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a call site a framework's published allowance matched ({@code allowedBy}) is recorded and counted, in its
 * own HTML section, but never fails {@code check} and is neither a SARIF result nor a JUnit XML failure; the merged
 * data file keeps it.
 */
class FrameworkAllowedSitesTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    static CallSite urandom() {
        return Fixtures.site(Category.FILE, "java.io.FileInputStream.read", "/dev/urandom",
                new Frame("io.netty.handler.ssl.SslHandler", "handshake", "SslHandler.java", 1900), 4, 2_000_000,
                "nioEventLoopGroup-3-1").withAllowedBy("netty: io.netty.handler.ssl.SslHandler#handshake");
    }

    int run(String... args) {
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void onlyAllowedSitesPassTheStrictestCheck() throws Exception {
        DataFileWriter.writeAtomically(Fixtures.file(1, List.of(urandom())), dir.resolve("loopguard-1.json"));
        assertThat(run("check", "--max-sites", "0", dir.toString())).as(stdout.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).doesNotContain("/dev/urandom")
                .contains("All loopguard checks have been met");
        io.loopguard.report.sarif.SarifSchema.assertValid(Files.readString(dir.resolve("loopguard.sarif")));
        assertThat(Files.readString(dir.resolve("loopguard.sarif"))).doesNotContain("FileInputStream.read");
        assertThat(Files.readString(dir.resolve("TEST-loopguard.xml"))).doesNotContain("FileInputStream.read");
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("netty: io.netty.handler.ssl.SslHandler#handshake");
        assertThat(DataFileReader.read(dir.resolve("loopguard.json")).callSites()).singleElement()
                .satisfies(site -> assertThat(site.allowedBy())
                        .isEqualTo("netty: io.netty.handler.ssl.SslHandler#handshake"));
    }

    @Test
    void anOrdinarySiteBesideThemStillFails() throws Exception {
        CallSite sleep = Fixtures.site(Category.SLEEP, "java.lang.Thread.sleep", null,
                Fixtures.app("demo.Handler", "handle", 12), 1, 30_000_000, "nioEventLoopGroup-3-1");
        DataFileWriter.writeAtomically(Fixtures.file(1, List.of(sleep, urandom())), dir.resolve("loopguard-1.json"));
        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("demo/Handler.java:12: blocking sleep call")
                .doesNotContain("FileInputStream").contains("1 blocking call sites on event-loop threads violate");
    }
}
