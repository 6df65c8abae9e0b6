package io.loopguard.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Category;
import io.loopguard.format.DataFile;
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
 * A {@code stall} site goes through {@code check}, the baseline, SARIF, JUnit XML and the GitHub annotations like
 * any category, worded as a stall ("stall in X"), not as a blocking call.
 */
class StallSitesTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int run(String... args) {
        stdout.reset();
        PrintStream err = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            return Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    /** What the watchdog records for a backtracking regex: the JDK's frames on top, the handler below, no detail. */
    private static CallSite stall() {
        List<Frame> stack = List.of(
                new Frame("java.util.regex.Pattern$Loop", "match", "Pattern.java", 4791),
                new Frame("java.util.regex.Pattern$GroupTail", "match", "Pattern.java", 4863),
                new Frame("java.util.regex.Matcher", "matches", "Matcher.java", 712),
                Fixtures.app("demo.LoginHandler", "handle", 31),
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569));
        String method = "java.util.regex.Pattern$Loop.match";
        return new CallSite(CallSiteId.of(Category.STALL.id(), method, stack), Category.STALL.id(), method, null,
                List.of("vert.x-eventloop-thread-0"), 1, 340_000_000L, 340_000_000L, 340_000_000L,
                Fixtures.T0.plusSeconds(1), Fixtures.T0.plusSeconds(1), stack);
    }

    @Test
    void aStallFailsTheCheckInEveryFormatUntilBaselined() throws Exception {
        DataFile file = Fixtures.file(7, List.of(stall()));
        DataFileWriter.writeAtomically(file, dir.resolve("loopguard-7.json"));

        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("demo/LoginHandler.java:31: stall in java.util.regex.Pattern$Loop.match on "
                        + "vert.x-eventloop-thread-0 (1 call, 340 ms)")
                .doesNotContain("blocking stall call");
        String sarif = Files.readString(dir.resolve("loopguard.sarif"));
        io.loopguard.report.sarif.SarifSchema.assertValid(sarif);
        assertThat(sarif).contains("\"ruleId\": \"loopguard/stall\"").contains("\"level\": \"error\"")
                .contains("Stall in java.util.regex.Pattern$Loop.match on event-loop thread vert.x-eventloop-thread-0")
                .contains("Stall of an event-loop thread").doesNotContain("Blocking stall call");
        String junit = Files.readString(dir.resolve("TEST-loopguard.xml"));
        assertThat(junit).contains("name=\"stall in java.util.regex.Pattern$Loop.match at LoginHandler.handle(LoginHandler.java:31)\"")
                .contains("<failure").contains("BlockingCall: stall in java.util.regex.Pattern$Loop.match");

        Path baseline = dir.resolve("baseline.json");
        assertThat(run("baseline", "--write", baseline.toString(), dir.toString())).isZero();
        assertThat(run("check", "--baseline", baseline.toString(), dir.toString())).isZero();
        assertThat(Files.readString(dir.resolve("loopguard.sarif"))).contains("\"baselineState\": \"unchanged\"");
    }

    /**
     * A stall in a library that no default list knows (bcrypt): its frames count as the application's, yet the check
     * line, SARIF and JUnit XML point at the handler that called it, not at the library's line.
     */
    @Test
    void aStallInAnUnlistedLibraryIsReportedAtTheHandlerThatCalledIt() throws Exception {
        List<Frame> stack = List.of(
                new Frame("org.mindrot.jbcrypt.BCrypt", "key", "BCrypt.java", 560),
                new Frame("org.mindrot.jbcrypt.BCrypt", "hashpw", "BCrypt.java", 684),
                Fixtures.app("demo.SignupHandler", "hash", 45),
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", 569));
        String method = "org.mindrot.jbcrypt.BCrypt.key";
        CallSite site = new CallSite(CallSiteId.of(Category.STALL.id(), method, stack), Category.STALL.id(), method,
                "org.mindrot.jbcrypt.BCrypt.encipher(BCrypt.java:505)", List.of("vert.x-eventloop-thread-0"), 1,
                250_000_000L, 250_000_000L, 250_000_000L, Fixtures.T0.plusSeconds(1), Fixtures.T0.plusSeconds(1), stack);
        DataFileWriter.writeAtomically(Fixtures.file(8, List.of(site)), dir.resolve("loopguard-8.json"));

        assertThat(run("check", dir.toString())).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .contains("demo/SignupHandler.java:45: stall in org.mindrot.jbcrypt.BCrypt.key on ")
                .doesNotContain("BCrypt.java:560:");
        assertThat(Files.readString(dir.resolve("TEST-loopguard.xml")))
                .contains("at SignupHandler.hash(SignupHandler.java:45)")
                .as("a stall's detail is its busiest frame, and says so")
                .contains("busiest frame: org.mindrot.jbcrypt.BCrypt.encipher(BCrypt.java:505)");
        assertThat(Files.readString(dir.resolve("loopguard.sarif")))
                .contains("Busiest frame: org.mindrot.jbcrypt.BCrypt.encipher(BCrypt.java:505)");
    }
}
