package io.loopguard.report.sarif;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.CallSiteId;
import io.loopguard.format.Frame;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;
import io.loopguard.report.Fixtures;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Run;
import io.loopguard.report.model.SourcePaths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds that keep SARIF uploadable: frames per stack and code flow, results per run. */
class SarifLimitsTest {

    /** 60 frames: the blocking JDK frame, then JDK / library / application frames in turn. */
    static List<Frame> deepStack() {
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame("java.io.FileInputStream", "read", "FileInputStream.java", 1));
        for (int i = 1; i < 60; i++) {
            stack.add(switch (i % 3) {
                case 0 -> new Frame("java.util.concurrent.Executor" + i, "run", "Executor.java", i);
                case 1 -> new Frame("io.netty.Handler" + i, "channelRead", "Handler.java", i);
                default -> new Frame("demo.App" + i, "handle", "App" + i + ".java", i);
            });
        }
        return stack;
    }

    @Test
    void stacksKeepTheBlockingFrameApplicationFramesAndNoJdkFramesUpToTheBound() {
        List<Frame> stack = deepStack();
        int[] kept = SarifStacks.stackFrames(stack);
        assertThat(kept).hasSize(SarifStacks.MAX_FRAMES).startsWith(0).isSorted();
        for (int i = 1; i < kept.length; i++) {
            assertThat(stack.get(kept[i]).className()).startsWith("demo.App"); // 20 application frames: no room left
        }
        List<Frame> shallow = stack.subList(0, 10);
        int[] all = SarifStacks.stackFrames(shallow);
        assertThat(all).containsExactly(0, 1, 2, 4, 5, 7, 8); // every non-JDK frame, JDK frames 3, 6, 9 left out
    }

    @Test
    void libraryFramesFillUpNearestTheBlockingCallFirst() {
        List<Frame> stack = new ArrayList<>(deepStack().subList(0, 1));
        for (int i = 1; i <= 30; i++) {
            stack.add(new Frame("io.netty.Handler" + i, "channelRead", "Handler.java", i));
        }
        stack.add(new Frame("demo.App", "handle", "App.java", 7));
        int[] kept = SarifStacks.stackFrames(stack);
        assertThat(kept).hasSize(SarifStacks.MAX_FRAMES).startsWith(0, 1, 2).endsWith(31);
        assertThat(SarifStacks.codeFlow(stack)).containsExactly(31, 0);
    }

    @Test
    void codeFlowRunsFromTheOutermostApplicationFrameToTheBlockingCall() {
        int[] flow = SarifStacks.codeFlow(deepStack());
        assertThat(flow).hasSize(SarifStacks.MAX_FRAMES);
        assertThat(flow[flow.length - 1]).isZero();
        assertThat(flow[flow.length - 2]).isEqualTo(2); // the innermost application frame just before it
    }

    @Test
    void runsHoldAtMostMaxResultsViolationsFirst() throws Exception {
        List<CallSite> sites = new ArrayList<>(Fixtures.many(30));
        MergedReport report = new MergedReport(List.of(new Run("loopguard-1.json", Fixtures.jvm(1), 30, 0)), sites, 0,
                List.of(), List.of());
        CheckResult check = Checker.check(report, Rules.strict(), null);
        StringBuilder out = new StringBuilder();
        SarifWriter.write(report, check, SourcePaths.none(), "0.1.0", out, 10);
        SarifSchema.assertValid(out.toString());
        JsonNode run = JsonParser.parse(out.toString(), "sarif").members().get("runs").elements().get(0);
        assertThat(run.members().get("results").elements()).hasSize(10);
        String note = run.members().get("invocations").elements().get(0).members().get("toolExecutionNotifications")
                .elements().get(0).members().get("message").members().get("text").string();
        assertThat(note).startsWith("20 of 30 locations are not listed");
        List<JsonNode> artifacts = run.members().get("artifacts").elements();
        assertThat(artifacts).isNotEmpty();
        JsonNode location = run.members().get("results").elements().get(0).members().get("locations").elements()
                .get(0).members().get("physicalLocation").members().get("artifactLocation");
        int index = Integer.parseInt(location.members().get("index").numberText());
        assertThat(artifacts.get(index).members().get("location").members().get("uri").string())
                .isEqualTo(location.members().get("uri").string());
    }

    @Test
    void deepStacksAreTrimmedAndSaySo() throws Exception {
        List<Frame> stack = deepStack();
        CallSite site = new CallSite(CallSiteId.of("file", "java.io.FileInputStream.read", stack), "file",
                "java.io.FileInputStream.read", null, List.of("loop"), 1, 1000, 1000, 1000, Fixtures.T0, Fixtures.T0,
                stack);
        MergedReport report = new MergedReport(List.of(new Run("loopguard-1.json", Fixtures.jvm(1), 1, 0)),
                List.of(site), 0, List.of(), List.of());
        StringBuilder out = new StringBuilder();
        SarifWriter.write(report, Checker.check(report, Rules.strict(), null), SourcePaths.none(), "0.1.0", out);
        SarifSchema.assertValid(out.toString());
        JsonNode result = JsonParser.parse(out.toString(), "sarif").members().get("runs").elements().get(0).members()
                .get("results").elements().get(0);
        JsonNode sarifStack = result.members().get("stacks").elements().get(0);
        assertThat(sarifStack.members().get("frames").elements()).hasSize(SarifStacks.MAX_FRAMES);
        assertThat(sarifStack.members().get("message").members().get("text").string())
                .contains("(20 of 60 frames; left out: 19 JDK, 20 library, 1 application frames.");
    }
}
