package io.loopguard.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

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
        assertThat(options.allow()).isEmpty();
        assertThat(options.report()).isEqualTo(AgentOptions.Report.HTML);
        assertThat(options.enabled()).isTrue();
        assertThat(options.flushIntervalNanos()).isEqualTo(5_000_000_000L);
        assertThat(options.maxSites()).isEqualTo(10_000);
        assertThat(options.jfr()).isTrue();
        assertThat(options.pinningEverywhere()).isFalse();
        assertThat(AgentOptions.parse("jfr=false,pinning=all", NONE, NONE).jfr()).isFalse();
        assertThat(AgentOptions.parse("jfr=false,pinning=all", NONE, NONE).pinningEverywhere()).isTrue();
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
    void agentArgumentBeatsSystemPropertyBeatsEnvironment() {
        Map<String, String> props = Map.of("loopguard.mode", "log", "loopguard.threshold", "5ms");
        Map<String, String> env = Map.of("LOOPGUARD_MODE", "throw", "LOOPGUARD_THRESHOLD", "1s", "LOOPGUARD_MAXSITES", "3");
        AgentOptions options = AgentOptions.parse("threshold=1ms", props::get, env::get);
        assertThat(options.thresholdNanos()).isEqualTo(1_000_000L);
        assertThat(options.mode()).isEqualTo(AgentOptions.Mode.LOG);
        assertThat(options.maxSites()).isEqualTo(3);
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
                {"allow=com.acme.Foo#", "option 'allow'"},
                {"allow=com acme", "option 'allow'"},
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
}
