package io.loopguard.format.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {
    private static final UnaryOperator<String> NONE = key -> null;

    @Test
    void defaultsFollowTheContract() {
        AgentOptions options = AgentOptions.defaults();
        assertThat(options.threads()).isEmpty();
        assertThat(options.autodetect()).isTrue();
        assertThat(options.output()).isEqualTo(Path.of("loopguard").toAbsolutePath());
        assertThat(options.mode()).isEqualTo(AgentOptions.Mode.RECORD);
        assertThat(options.thresholdNanos()).isZero();
        assertThat(options.stallNanos()).isEqualTo(100_000_000L);
        assertThat(options.allow()).isEmpty();
        assertThat(options.report()).isEqualTo(AgentOptions.Report.HTML);
        assertThat(options.enabled()).isTrue();
        assertThat(options.flushIntervalNanos()).isEqualTo(5_000_000_000L);
        assertThat(options.maxSites()).isEqualTo(10_000);
        assertThat(options.jfr()).isTrue();
        assertThat(options.pinningEverywhere()).isFalse();
        assertThat(AgentOptions.parse("jfr=false,pinning=all", NONE, NONE).jfr()).isFalse();
        assertThat(AgentOptions.parse("jfr=false,pinning=all", NONE, NONE).pinningEverywhere()).isTrue();
        assertThat(options.consoleAllowed()).isTrue();
        assertThat(AgentOptions.parse("console=report", NONE, NONE).consoleAllowed()).isFalse();
        assertThatThrownBy(() -> AgentOptions.parse("console=quiet", NONE, NONE))
                .hasMessage("[loopguard] invalid value 'quiet' for option 'console' (agent argument): expected allow or report");
    }

    @Test
    void parsesEveryKeyAndListsAndDurations() {
        AgentOptions options = AgentOptions.parse("threads=loop-*:io-?,autodetect=false,output=/tmp/lg,mode=throw,"
                + "threshold=500us,allow=com.acme.Boot#init:org.legacy.*,report=none,enabled=true,flushInterval=250ms,maxSites=7",
                NONE, NONE);
        assertThat(options.threads()).containsExactly("loop-*", "io-?");
        assertThat(options.autodetect()).isFalse();
        assertThat(options.output()).isEqualTo(Path.of("/tmp/lg"));
        assertThat(options.mode()).isEqualTo(AgentOptions.Mode.THROW);
        assertThat(options.thresholdNanos()).isEqualTo(500_000L);
        assertThat(options.allow()).containsExactly("com.acme.Boot#init", "org.legacy.*");
        assertThat(options.report()).isEqualTo(AgentOptions.Report.NONE);
        assertThat(options.flushIntervalNanos()).isEqualTo(250_000_000L);
        assertThat(options.maxSites()).isEqualTo(7);
    }

    @Test
    void productionProfileSetsDefaultsThatExplicitOptionsOverride() {
        AgentOptions defaults = AgentOptions.defaults();
        assertThat(defaults.production()).isFalse();
        assertThat(defaults.newSitesPerSecond()).isZero();
        AgentOptions production = AgentOptions.parse("profile=production", NONE, NONE);
        assertThat(production.production()).isTrue();
        assertThat(production.mode()).isEqualTo(AgentOptions.Mode.RECORD);
        assertThat(production.report()).isEqualTo(AgentOptions.Report.NONE);
        assertThat(production.thresholdNanos()).isEqualTo(1_000_000L);
        assertThat(production.newSitesPerSecond()).isEqualTo(100);
        assertThat(production.maxSites()).as("not a profile setting").isEqualTo(10_000);
        Map<String, String> env = Map.of("LOOPGUARD_PROFILE", "production", "LOOPGUARD_THRESHOLD", "0");
        AgentOptions layered = AgentOptions.parse("report=html", Map.of("loopguard.newSitesPerSecond", "0")::get,
                env::get);
        assertThat(layered.production()).isTrue();
        assertThat(layered.report()).as("the agent argument").isEqualTo(AgentOptions.Report.HTML);
        assertThat(layered.newSitesPerSecond()).as("a system property").isZero();
        assertThat(layered.thresholdNanos()).as("an environment variable").isZero();
        assertThat(layered.mode()).as("the profile").isEqualTo(AgentOptions.Mode.RECORD);
        assertThat(AgentOptions.builder().profile("production").newSitesPerSecond(5).build().toAgentArgument())
                .isEqualTo("profile=production,newSitesPerSecond=5");
    }

    @Test
    void agentArgumentBeatsSystemPropertyBeatsEnvironment() {
        Map<String, String> props = Map.of("loopguard.mode", "log", "loopguard.threshold", "5ms");
        Map<String, String> env = Map.of("LOOPGUARD_MODE", "throw", "LOOPGUARD_THRESHOLD", "1s", "LOOPGUARD_MAXSITES", "3");
        AgentOptions options = AgentOptions.parse("threshold=1ms", props::get, env::get);
        assertThat(options.thresholdNanos()).isEqualTo(1_000_000L);
        assertThat(options.mode()).isEqualTo(AgentOptions.Mode.LOG);
        assertThat(options.maxSites()).isEqualTo(3);
    }

    @Test
    void stallIsADurationOfAtLeast10msOrZeroLayeredLikeEveryOption() {
        Map<String, String> props = Map.of("loopguard.stall", "250ms");
        Map<String, String> env = Map.of("LOOPGUARD_STALL", "1s");
        assertThat(AgentOptions.parse("", props::get, env::get).stallNanos()).isEqualTo(250_000_000L);
        assertThat(AgentOptions.parse("stall=0", props::get, env::get).stallNanos()).isZero();
        assertThat(AgentOptions.parse("", k -> null, env::get).stallNanos()).isEqualTo(1_000_000_000L);
        for (String bad : new String[] {"stall=5ms", "stall=soon", "stall=-1s", "stall="}) {
            assertThatThrownBy(() -> AgentOptions.parse(bad, k -> null, k -> null))
                    .isInstanceOf(OptionException.class)
                    .hasMessageContaining("'stall'")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void environmentNamesAreUpperCaseWithUnderscores() {
        assertThat(AgentOptions.environmentName("flushInterval")).isEqualTo("LOOPGUARD_FLUSHINTERVAL");
        assertThat(AgentOptions.environmentName("a.b-c")).isEqualTo("LOOPGUARD_A_B_C");
    }

    @Test
    void everyBadInputNamesTheKeyInOneLoopguardLine() {
        String[][] cases = {
                {"foo=1", "unknown option 'foo'"},
                {"=x", "empty option name"},
                {"mode", "option 'mode' has no value"},
                {"mode=loud", "option 'mode'"},
                {"threshold=fast", "option 'threshold'"},
                {"threshold=5", "option 'threshold'"},
                {"autodetect=maybe", "option 'autodetect'"},
                {"enabled=perhaps", "option 'enabled'"},
                {"report=pdf", "option 'report'"},
                {"flushInterval=x", "option 'flushInterval'"},
                {"flushInterval=1ms", "option 'flushInterval'"},
                {"maxSites=0", "option 'maxSites'"},
                {"jfr=on", "option 'jfr'"},
                {"pinning=some", "option 'pinning'"},
                {"profile=prod", "invalid value 'prod' for option 'profile' (agent argument): expected default or production"},
                {"newSitesPerSecond=-1", "option 'newSitesPerSecond'"},
                {"newSitesPerSecond=lots", "option 'newSitesPerSecond'"},
                {"allow=com.acme.Foo#", "option 'allow'"},
                {"allow=com acme", "option 'allow'"},
                {"deny=com.acme.Foo#", "option 'deny'"},
                {"deny=a::b", "option 'deny'"},
                {"threads=a::b", "option 'threads'"},
                {"mode=log,mode=throw", "option 'mode' is given twice"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> AgentOptions.parse(c[0], NONE, NONE))
                    .as(c[0]).isInstanceOf(OptionException.class)
                    .hasMessageStartingWith("[loopguard] ").hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void badValuesFromPropertiesAndEnvironmentNameTheirSource() {
        assertThatThrownBy(() -> AgentOptions.parse(null, Map.of("loopguard.mode", "x")::get, NONE))
                .hasMessageContaining("-Dloopguard.mode");
        assertThatThrownBy(() -> AgentOptions.parse(null, NONE, Map.of("LOOPGUARD_REPORT", "pdf")::get))
                .hasMessageContaining("LOOPGUARD_REPORT");
    }

    @Test
    void unknownSystemPropertiesAreNotErrorsBecauseBuildToolsForwardTheirOwn() {
        assertThat(AgentOptions.parse(null, Map.of("loopguard.skip", "true")::get, NONE).enabled()).isTrue();
    }

    @Test
    void rendersAnArgumentThatParsesBackToTheSameOptions() {
        String argument = "threads=a-*:b,mode=log,threshold=2ms,allow=x.Y#z";
        AgentOptions options = AgentOptions.parse(argument, NONE, NONE);
        assertThat(AgentOptions.parse(options.toAgentArgument(), NONE, NONE).toAgentArgument())
                .isEqualTo(options.toAgentArgument()).contains("mode=log").contains("threads=a-*:b");
    }

    @Test
    void everyMalformedNumberOrDurationIsAnOptionErrorNamingTheKey() {
        String[] bad = {
                "threshold=99999999999999999999s", "threshold=9223372036854775s", "threshold=9223372037s",
                "threshold=153722867281m", "threshold=-5ms", "threshold=", "threshold=5h", "threshold=5 ms",
                "threshold=ms", "threshold=0x10ms", "threshold=5sec",
                "flushInterval=99999999999999999999ms", "flushInterval=9223372036854775s", "flushInterval=",
                "flushInterval=-1s", "flushInterval=0", "flushInterval=5", "flushInterval=9ms",
                "maxSites=99999999999999999999", "maxSites=2147483648", "maxSites=1000000000", "maxSites=-1",
                "maxSites=", "maxSites=1e3", "maxSites=+5",
                "mode=", "report=", "enabled=", "autodetect=", "output=",
        };
        for (String argument : bad) {
            String key = argument.substring(0, argument.indexOf('='));
            assertThatThrownBy(() -> AgentOptions.parse(argument, NONE, NONE))
                    .as(argument).isInstanceOf(OptionException.class)
                    .hasMessageStartingWith("[loopguard] invalid value ").hasMessageContaining("for option '" + key + "'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    /** One duration grammar for agent, CLI and plugin (Durations): decimals too, which the agent once refused. */
    @Test
    void durationsFollowTheOneGrammarOfTheReportsToo() {
        assertThat(AgentOptions.parse("threshold=1.5ms", NONE, NONE).thresholdNanos()).isEqualTo(1_500_000L);
        assertThat(AgentOptions.parse("threshold=1.5s", NONE, NONE).thresholdNanos()).isEqualTo(1_500_000_000L);
        assertThat(AgentOptions.parse("flushInterval=0.5s", NONE, NONE).flushIntervalNanos()).isEqualTo(500_000_000L);
        assertThat(AgentOptions.parse("threshold=1.5ms", NONE, NONE).thresholdNanos())
                .isEqualTo(io.loopguard.format.Durations.parseNanos("1.5ms"));
    }

    @Test
    void durationOverflowIsAnErrorThatSaysTheLimit() {
        assertThatThrownBy(() -> AgentOptions.parse("threshold=9223372036854775s", NONE, NONE))
                .hasMessage("[loopguard] invalid value '9223372036854775s' for option 'threshold' (agent argument): "
                        + "expected a duration like 0, 500us, 5ms or 1s, at most 9223372036s (292 years)");
        assertThatThrownBy(() -> AgentOptions.parse(null, NONE, Map.of("LOOPGUARD_THRESHOLD", "99999999999999999999s")::get))
                .hasMessageContaining("'threshold' (LOOPGUARD_THRESHOLD)").hasMessageContaining("at most");
    }

    @Test
    void largestDurationsThatFitAreAccepted() {
        assertThat(AgentOptions.parse("threshold=9223372036s", NONE, NONE).thresholdNanos()).isEqualTo(9_223_372_036_000_000_000L);
        assertThat(AgentOptions.parse("threshold=9223372036854775807ns", NONE, NONE).thresholdNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(AgentOptions.parse("threshold=153722867m", NONE, NONE).thresholdNanos()).isEqualTo(153_722_867L * 60_000_000_000L);
        assertThat(AgentOptions.parse("threshold=7µs", NONE, NONE).thresholdNanos()).isEqualTo(7_000L);
        assertThat(AgentOptions.parse("threshold=0", NONE, NONE).thresholdNanos()).isZero();
        assertThat(AgentOptions.parse("flushInterval=10ms", NONE, NONE).flushIntervalNanos()).isEqualTo(10_000_000L);
        assertThat(AgentOptions.parse("maxSites=999999999", NONE, NONE).maxSites()).isEqualTo(999_999_999);
    }

    @Test
    void denyIsAFramePatternListLayeredLikeEveryOption() {
        assertThat(AgentOptions.parse("deny=com.acme.Outer#callback:org.x.*", NONE, NONE).deny())
                .containsExactly("com.acme.Outer#callback", "org.x.*");
        assertThat(AgentOptions.parse(null, Map.of("loopguard.deny", "a.B#c")::get, NONE).deny()).containsExactly("a.B#c");
        assertThat(AgentOptions.parse(null, NONE, Map.of("LOOPGUARD_DENY", "a.B#c")::get).deny()).containsExactly("a.B#c");
        assertThat(AgentOptions.parse("deny=x.Y#z", Map.of("loopguard.deny", "a.B#c")::get, NONE).deny())
                .containsExactly("x.Y#z");
        assertThat(AgentOptions.parse(null, NONE, NONE).deny()).isEmpty();
        assertThat(AgentOptions.builder().deny(List.of("a.B#c")).build().toAgentArgument()).contains("deny=a.B#c");
    }

    @Test
    void allowErrorsSayExpectedOnce() {
        for (String argument : List.of("allow=#x", "allow=com.acme.Foo#", "allow=a::b", "allow=com acme")) {
            assertThatThrownBy(() -> AgentOptions.parse(argument, NONE, NONE)).as(argument)
                    .hasMessageContaining("for option 'allow'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("expected expected")
                            .containsOnlyOnce("expected"));
        }
        assertThatThrownBy(() -> AgentOptions.parse("allow=#x", NONE, NONE))
                .hasMessage("[loopguard] invalid value '#x' for option 'allow' (agent argument): "
                        + "expected pkg.Class#method, pkg.Class or pkg.* (in '#x')");
    }

    @Test
    void unknownAgentArgumentKeySuggestsTheClosestOption() {
        assertThatThrownBy(() -> AgentOptions.parse("treshold=5ms", NONE, NONE))
                .hasMessageStartingWith("[loopguard] unknown option 'treshold' (did you mean 'threshold'? known options: ");
        assertThatThrownBy(() -> AgentOptions.parse("flush_interval=1s", NONE, NONE))
                .hasMessageContaining("did you mean 'flushInterval'?");
        assertThatThrownBy(() -> AgentOptions.parse("bogus=1", NONE, NONE))
                .hasMessageStartingWith("[loopguard] unknown option 'bogus' (known options: ");
    }

    @Test
    void unknownLoopguardSystemPropertiesAndEnvironmentVariablesAreErrors() {
        assertThatThrownBy(() -> parseWithNames(List.of("java.home", "loopguard.flushinterval"), List.of()))
                .isInstanceOf(OptionException.class)
                .hasMessage("[loopguard] unknown option 'flushinterval' in system property -Dloopguard.flushinterval "
                        + "(did you mean -Dloopguard.flushInterval? known options: " + String.join(", ", AgentOptions.KEYS) + ")");
        assertThatThrownBy(() -> parseWithNames(List.of(), List.of("PATH", "LOOPGUARD_FLUSH_INTERVAL")))
                .hasMessage("[loopguard] unknown option 'FLUSH_INTERVAL' in environment variable LOOPGUARD_FLUSH_INTERVAL "
                        + "(did you mean LOOPGUARD_FLUSHINTERVAL? known options: " + String.join(", ", AgentOptions.KEYS) + ")");
        assertThatThrownBy(() -> parseWithNames(List.of("loopguard.colour"), List.of()))
                .hasMessageStartingWith("[loopguard] unknown option 'colour' in system property -Dloopguard.colour (known options: ");
        assertThatThrownBy(() -> parseWithNames(List.of(), List.of("LOOPGUARD_MODES")))
                .hasMessageContaining("LOOPGUARD_MODES (did you mean LOOPGUARD_MODE?");
    }

    @Test
    void optionsAndLoopguardNamesUsedElsewhereAreAccepted() {
        List<String> properties = new java.util.ArrayList<>();
        for (String key : AgentOptions.KEYS) {
            properties.add("loopguard." + key);
        }
        properties.addAll(List.of("loopguard.skip", "loopguard.append", "loopguard.haltOnFailure", "loopguard.check.maxSites",
                "loopguard.it.javaHome", "loopguard.agent.jar", "loopguard.baseline", "loopguard.prune"));
        List<String> environment = new java.util.ArrayList<>();
        for (String key : AgentOptions.KEYS) {
            environment.add(AgentOptions.environmentName(key));
        }
        environment.add("LOOPGUARD_JAR");
        assertThat(parseWithNames(properties, environment).enabled()).isTrue();
    }

    private static AgentOptions parseWithNames(List<String> properties, List<String> environment) {
        return AgentOptions.parse(null, NONE, NONE, properties, environment);
    }

    @Test
    void outputMustBeAWritableDirectory(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        for (String output : List.of(file.toString(), file.resolve("sub").toString(), "/dev/null", "/proc/x")) {
            AgentOptions options = AgentOptions.parse("output=" + output, NONE, NONE);
            assertThatThrownBy(options::checkOutput).as(output).isInstanceOf(OptionException.class)
                    .hasMessageStartingWith("[loopguard] invalid value '" + output + "' for option 'output' (agent argument): ")
                    .hasMessageContaining(output);
        }
        assertThatThrownBy(AgentOptions.parse(null, Map.of("loopguard.output", "/dev/null")::get, NONE)::checkOutput)
                .hasMessage("[loopguard] invalid value '/dev/null' for option 'output' (-Dloopguard.output): "
                        + "/dev/null exists and is not a directory");
        Path missing = tmp.resolve("new/deeper");
        AgentOptions.parse("output=" + missing, NONE, NONE).checkOutput();
        assertThat(missing).as("created if missing").isDirectory();
    }
}
