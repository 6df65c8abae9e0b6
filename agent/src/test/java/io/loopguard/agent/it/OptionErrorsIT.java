package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.targets.HelloTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every option error aborts start-up: non-zero exit, the application's main never runs, and stderr has exactly one
 * line that begins {@code [loopguard]} and names the key (a misconfigured CI gate must never pass silently).
 */
class OptionErrorsIT {

    static Stream<Arguments> agentArgumentErrors() {
        return Stream.of(
                Arguments.of("bogus=1", "bogus"),
                Arguments.of("mode=loud", "mode"),
                Arguments.of("threshold=fast", "threshold"),
                Arguments.of("autodetect=maybe", "autodetect"),
                Arguments.of("flushInterval=x", "flushInterval"),
                Arguments.of("report=pdf", "report"),
                Arguments.of("enabled=perhaps", "enabled"),
                Arguments.of("maxSites=lots", "maxSites"),
                Arguments.of("threshold=99999999999999999999s", "threshold"),
                Arguments.of("threshold=9223372036854775s", "threshold"),
                Arguments.of("threshold=-5ms", "threshold"),
                Arguments.of("threshold=", "threshold"),
                Arguments.of("stall=soon", "stall"),
                Arguments.of("stall=5ms", "stall"),
                Arguments.of("flushInterval=99999999999999999999ms", "flushInterval"),
                Arguments.of("maxSites=99999999999999999999", "maxSites"),
                Arguments.of("output=/dev/null", "output"),
                Arguments.of("output=/proc/x", "output"),
                Arguments.of("treshold=5ms", "treshold"),
                Arguments.of("profile=prod", "profile"),
                Arguments.of("newSitesPerSecond=-3", "newSitesPerSecond"),
                Arguments.of("=x", null),
                Arguments.of("mode=record,=x", null));
    }

    @ParameterizedTest(name = "-javaagent:loopguard-agent.jar={0}")
    @MethodSource("agentArgumentErrors")
    void agentArgumentError(String argument, String key) {
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionError").rawAgentArgument(argument).run();
        assertAborted(run, key);
    }

    @Test
    @DisplayName("-Dloopguard.mode=loud")
    void systemPropertyError() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionErrorSys").jvmArg("-Dloopguard.mode=loud")
                .run();
        assertAborted(run, "mode");
    }

    @Test
    @DisplayName("LOOPGUARD_THRESHOLD=fast")
    void environmentError() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionErrorEnv").env("LOOPGUARD_THRESHOLD", "fast")
                .run();
        assertAborted(run, "threshold");
    }

    @Test
    @DisplayName("output=<a regular file>")
    void outputThatIsARegularFile(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionErrorOutputFile").option("output=" + file).run();
        assertAborted(run, "output");
        assertThat(run.agentLines().get(0)).as("names the path").contains(file + " exists and is not a directory");
        assertThat(file).as("left alone").hasContent("x");
    }

    @Test
    @DisplayName("-Dloopguard.flushinterval=1s (unknown system property)")
    void unknownSystemProperty() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionErrorUnknownSys")
                .jvmArg("-Dloopguard.flushinterval=1s").run();
        assertAborted(run, "-Dloopguard.flushinterval");
        assertThat(run.agentLines().get(0)).contains("did you mean -Dloopguard.flushInterval?");
    }

    @Test
    @DisplayName("LOOPGUARD_FLUSH_INTERVAL=1s (unknown environment variable)")
    void unknownEnvironmentVariable() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionErrorUnknownEnv")
                .env("LOOPGUARD_FLUSH_INTERVAL", "1s").run();
        assertAborted(run, "LOOPGUARD_FLUSH_INTERVAL");
        assertThat(run.agentLines().get(0)).contains("did you mean LOOPGUARD_FLUSHINTERVAL?");
    }

    @Test
    @DisplayName("-Dloopguard.skip=true and LOOPGUARD_JAR are used elsewhere, not errors")
    void loopguardNamesUsedElsewhereAreAccepted() {
        RunResult run = AgentProcess.of(HelloTarget.class).name("OptionNamesElsewhere")
                .jvmArg("-Dloopguard.skip=true").jvmArg("-Dloopguard.check.maxSites=3")
                .env("LOOPGUARD_JAR", "/x/loopguard-agent.jar").run();
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.runDir().resolve("main-ran")).exists();
    }

    static void assertAborted(RunResult run, String key) {
        assertThat(run.exitCode()).as("the JVM must not start the application\n%s", run.describe()).isNotZero();
        assertThat(run.runDir().resolve("main-ran")).as("the target's main never ran").doesNotExist();
        List<String> lines = run.agentLines();
        assertThat(lines).as("exactly one [loopguard] line on stderr\n%s", run.describe()).hasSize(1);
        if (key != null) {
            assertThat(lines.get(0).toLowerCase(Locale.ROOT)).as("the line names the key")
                    .contains(key.toLowerCase(Locale.ROOT));
        }
        // stdout is not asserted here: when premain fails, the JVM itself prints "FATAL ERROR in native method:
        // processing of -javaagent failed" and native frames to stdout.
    }
}
