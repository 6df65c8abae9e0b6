package io.loopguard.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Frame;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;
import io.loopguard.report.Fixtures;
import io.loopguard.report.check.Baseline;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Run;
import io.loopguard.report.model.SourcePaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One SARIF result per application location: the call sites that reach one line of the application (through
 * different handlers, or different library paths) are one alert with their stacks as code flows, and its fingerprint
 * does not move when the libraries and the JDK around that line change.
 */
class SarifLocationsTest {

    private static final Frame CONFIG_READ = Fixtures.app("demo.Config", "read", 7);

    /** A sleep at demo.Config.read:7, reached from {@code handler}, through Netty frames at {@code nettyLine}. */
    private static CallSite sleepFrom(String handler, int nettyLine, long count, long nanos, String test) {
        List<Frame> stack = List.of(
                new Frame("java.lang.Thread", "sleep", "Thread.java", -2),
                CONFIG_READ,
                Fixtures.app("demo." + handler, "handle", 20),
                new Frame("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead",
                        "AbstractChannelHandlerContext.java", nettyLine),
                new Frame("io.netty.channel.nio.NioEventLoop", "run", "NioEventLoop.java", nettyLine + 100),
                new Frame("java.lang.Thread", "run", "Thread.java", 840));
        return new CallSite(CallSiteId.of("sleep", "java.lang.Thread.sleep", stack), "sleep", "java.lang.Thread.sleep",
                null, List.of("vert.x-eventloop-thread-0"), count, nanos, nanos / count, nanos / count,
                Fixtures.T0.plusSeconds(1), Fixtures.T0.plusSeconds(2), stack, List.of(test));
    }

    private static String sarif(List<CallSite> sites, Baseline baseline) throws Exception {
        List<CallSite> sorted = new ArrayList<>(sites);
        sorted.sort(CallSite.MOST_BLOCKED_FIRST);
        MergedReport report = new MergedReport(List.of(new Run("loopguard-1.json", Fixtures.jvm(1), sites.size(), 0)),
                sorted, 0, List.of(), List.of());
        StringBuilder out = new StringBuilder();
        SarifWriter.write(report, Checker.check(report, Rules.strict(), baseline), SourcePaths.none(), "0.1.0", out);
        SarifSchema.assertValid(out.toString());
        return out.toString();
    }

    private static List<JsonNode> results(String sarif) throws Exception {
        return JsonParser.parse(sarif, "sarif").members().get("runs").elements().get(0).members().get("results")
                .elements();
    }

    private static String fingerprint(JsonNode result) {
        return result.members().get("partialFingerprints").members().get(SarifWriter.FINGERPRINT).string();
    }

    @Test
    void threeSitesReachingOneLineAreOneResultWithThreeCodeFlows() throws Exception {
        List<CallSite> sites = List.of(sleepFrom("UserHandler", 380, 4, 80_000_000, "demo.UserTest#reads()"),
                sleepFrom("OrderHandler", 380, 2, 40_000_000, "demo.OrderTest#reads()"),
                sleepFrom("AdminHandler", 380, 1, 20_000_000, "demo.AdminTest#reads()"));
        List<JsonNode> results = results(sarif(sites, null));
        assertThat(results).hasSize(1);
        JsonNode result = results.get(0);
        assertThat(result.members().get("occurrenceCount").numberText()).isEqualTo("7");
        assertThat(result.members().get("level").string()).isEqualTo("error");
        assertThat(result.members().get("codeFlows").elements()).hasSize(3);
        assertThat(result.members().get("stacks").elements()).hasSize(3);
        assertThat(result.members().get("codeFlows").elements().get(1).members().get("message").members().get("text")
                .string()).startsWith("Call site " + sites.get(1).id() + ": 2 calls, 40.0 ms during demo.OrderTest#reads()");
        JsonNode properties = result.members().get("properties");
        assertThat(properties.members().get("callSites").elements()).extracting(JsonNode::string)
                .containsExactly(sites.get(0).id(), sites.get(1).id(), sites.get(2).id());
        assertThat(properties.members().get("tests").elements()).hasSize(3);
        assertThat(result.members().get("message").members().get("text").string()).contains("7 calls, 140 ms blocked");
        assertThat(result.members().get("locations").elements().get(0).members().get("physicalLocation").members()
                .get("region").members().get("startLine").numberText()).isEqualTo("7");
    }

    @Test
    void aLibraryUpgradeKeepsTheFingerprintAndAnotherLineIsAnotherResult() throws Exception {
        String before = fingerprint(results(sarif(List.of(sleepFrom("UserHandler", 380, 1, 1_000_000, "t#a()")),
                null)).get(0));
        String after = fingerprint(results(sarif(List.of(sleepFrom("UserHandler", 412, 1, 1_000_000, "t#a()")),
                null)).get(0));
        assertThat(after).as("Netty's lines moved, the application's did not").isEqualTo(before);

        List<Frame> moved = new ArrayList<>(sleepFrom("UserHandler", 380, 1, 1, "t#a()").stack());
        moved.set(1, Fixtures.app("demo.Config", "read", 9));
        CallSite otherLine = new CallSite(CallSiteId.of("sleep", "java.lang.Thread.sleep", moved), "sleep",
                "java.lang.Thread.sleep", null, List.of("l"), 1, 1, 1, 1, Fixtures.T0, Fixtures.T0, moved);
        List<JsonNode> two = results(sarif(List.of(sleepFrom("UserHandler", 380, 1, 5, "t#a()"), otherLine), null));
        assertThat(two).hasSize(2);
        assertThat(fingerprint(two.get(0))).isNotEqualTo(fingerprint(two.get(1)));
    }

    @Test
    void aNewPathToABaselinedLineMakesTheLocationNew() throws Exception {
        CallSite known = sleepFrom("UserHandler", 380, 3, 30_000_000, "t#a()");
        CallSite fresh = sleepFrom("OrderHandler", 380, 1, 10_000_000, "t#b()");
        JsonNode baselinedOnly = results(sarif(List.of(known), Baseline.of(List.of(known)))).get(0);
        assertThat(baselinedOnly.members().get("level").string()).isEqualTo("note");
        assertThat(baselinedOnly.members().get("baselineState").string()).isEqualTo("unchanged");
        JsonNode both = results(sarif(List.of(known, fresh), Baseline.of(List.of(known)))).get(0);
        assertThat(both.members().get("level").string()).isEqualTo("error");
        assertThat(both.members().get("baselineState").string()).isEqualTo("new");
        assertThat(both.members().get("codeFlows").elements()).hasSize(2);
    }

    @Test
    void theSchemaCheckCatchesAnInvalidDocument() throws Exception {
        String valid = sarif(List.of(sleepFrom("UserHandler", 380, 1, 1_000_000, "t#a()")), null);
        assertThat(SarifSchema.errors(valid)).isEmpty();
        assertThat(SarifSchema.errors(valid.replace("\"level\": \"error\"", "\"level\": \"fatal\""))).isNotEmpty();
        assertThat(SarifSchema.errors(valid.replace("\"version\": \"2.1.0\"", "\"version\": \"2.0\""))).isNotEmpty();
        assertThat(valid).contains("\"occurrenceCount\": 1");
        assertThat(SarifSchema.errors(valid.replace("\"occurrenceCount\": 1", "\"occurrenceCount\": 0")))
                .as("an occurrence count below 1").isNotEmpty();
    }
}
