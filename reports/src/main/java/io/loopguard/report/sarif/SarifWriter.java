package io.loopguard.report.sarif;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Durations;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes SARIF 2.1.0. Levels follow the check: {@code error} for violations, {@code note} for baselined sites
 * ({@code baselineState: unchanged}), {@code warning} for the rest (tolerated or not checked), so nothing is hidden.
 * Only application frames get a physical location: JDK and library files are not in the repository.
 */
public final class SarifWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** The partial fingerprint name; its value is the contract's call-site id. */
    public static final String FINGERPRINT = "loopguardCallSite/v1";

    private SarifWriter() {
    }

    /** Writes one SARIF run for {@code check}'s verdicts; {@code version} is the tool's semantic version. */
    public static void write(MergedReport report, CheckResult check, SourcePaths sources, String version,
                             Appendable appendable) throws IOException {
        JsonOut out = new JsonOut(appendable);
        out.begin().field("$schema", SCHEMA).field("version", "2.1.0").name("runs").beginArray().begin();
        out.name("tool").begin().name("driver").begin().field("name", "loopguard").field("semanticVersion", version)
                .field("informationUri", "https://github.com/loopguard/loopguard").name("rules").beginArray();
        for (Category category : Category.values()) {
            rule(out, category);
        }
        out.endArray().end().end();
        String runId = report.endedAt().map(Instant::toString).orElse("none");
        out.name("automationDetails").begin().field("id", "loopguard/" + runId).end();
        out.name("invocations").beginArray().begin().name("executionSuccessful").value(true).end().endArray();
        out.name("results").beginArray();
        for (SiteVerdict verdict : check.verdicts()) {
            result(out, verdict, sources, check.rules() != null);
        }
        out.endArray().end().endArray().end().finish();
    }

    private static void rule(JsonOut out, Category category) throws IOException {
        out.begin().field("id", RuleTexts.ruleId(category)).field("name", RuleTexts.name(category))
                .message("shortDescription", RuleTexts.shortDescription(category))
                .message("fullDescription", RuleTexts.fullDescription(category));
        out.name("help").begin().field("text", RuleTexts.fullDescription(category))
                .field("markdown", RuleTexts.helpMarkdown(category)).end();
        out.name("defaultConfiguration").begin().field("level", "error").end();
        out.name("properties").begin().name("tags").beginArray().value("performance").value("concurrency")
                .value("event-loop").endArray().field("precision", "high").field("problem.severity", "error").end();
        out.end();
    }

    private static void result(JsonOut out, SiteVerdict verdict, SourcePaths sources, boolean checked)
            throws IOException {
        CallSite site = verdict.site();
        Category category = Category.fromId(site.category());
        int primary = StackFrames.primaryFrameIndex(site);
        out.begin().field("ruleId", RuleTexts.ruleId(category)).field("ruleIndex", category.ordinal())
                .field("level", level(verdict.status())).message("message", message(site));
        out.name("locations").beginArray();
        if (primary >= 0) {
            location(out, site.stack().get(primary), sources, true, true);
        }
        out.endArray();
        out.name("partialFingerprints").begin().field(FINGERPRINT, site.id()).end();
        out.field("occurrenceCount", site.count());
        if (verdict.status() == SiteVerdict.Status.BASELINED) {
            out.field("baselineState", "unchanged");
        } else if (checked && verdict.status() == SiteVerdict.Status.VIOLATION) {
            out.field("baselineState", "new");
        }
        codeFlow(out, site, sources);
        out.name("stacks").beginArray().begin().message("message", "blocking " + site.category() + " call "
                + site.blockingMethod()).name("frames").beginArray();
        for (Frame frame : site.stack()) {
            out.begin().name("location");
            location(out, frame, sources, StackFrames.isApplication(frame), false);
            out.end();
        }
        out.endArray().end().endArray();
        out.name("properties").begin().field("category", site.category()).field("blockingMethod", site.blockingMethod());
        if (site.detail() != null) {
            out.field("detail", site.detail());
        }
        out.name("threads").beginArray();
        for (String thread : site.threads()) {
            out.value(thread);
        }
        out.endArray().field("count", site.count()).field("totalNanos", site.totalNanos())
                .field("maxNanos", site.maxNanos()).field("verdict", verdict.status().name().toLowerCase())
                .field("reason", verdict.reason()).end();
        out.end();
    }

    /**
     * The application frames from the outermost caller down to the blocking call (stack[0]): the navigable path GitHub
     * renders, kept short because SARIF uploads are limited (10 MB gzipped).
     */
    private static void codeFlow(JsonOut out, CallSite site, SourcePaths sources) throws IOException {
        out.name("codeFlows").beginArray().begin().name("threadFlows").beginArray().begin()
                .field("id", site.threads().isEmpty() ? "unknown" : site.threads().get(0)).name("locations").beginArray();
        List<Frame> stack = site.stack();
        for (int i = stack.size() - 1; i >= 0; i--) {
            Frame frame = stack.get(i);
            if (i > 0 && !StackFrames.isApplication(frame)) {
                continue; // the flow walks the user's code down to the blocking call; stacks has every frame
            }
            out.begin().name("location");
            location(out, frame, sources, StackFrames.isApplication(frame), false);
            out.end();
        }
        out.endArray().end().endArray().end().endArray();
    }

    /** Logical locations only on the result's own location: in the stacks the message names the frame already. */
    private static void location(JsonOut out, Frame frame, SourcePaths sources, boolean physical, boolean logical)
            throws IOException {
        out.begin();
        if (physical && frame.fileName() != null) {
            out.name("physicalLocation").begin().name("artifactLocation").begin().field("uri", sources.pathOf(frame))
                    .field("uriBaseId", "%SRCROOT%").end();
            if (frame.lineNumber() > 0) {
                out.name("region").begin().field("startLine", frame.lineNumber()).end();
            }
            out.end();
        }
        out.message("message", StackFrames.renderQualified(frame));
        if (!logical) {
            out.end();
            return;
        }
        out.name("logicalLocations").beginArray().begin()
                .field("fullyQualifiedName", frame.className() + "." + frame.methodName()).field("kind", "function")
                .end().endArray();
        out.end();
    }

    private static String level(SiteVerdict.Status status) {
        return switch (status) {
            case VIOLATION -> "error";
            case BASELINED -> "note";
            default -> "warning";
        };
    }

    static String message(CallSite site) {
        String thread = site.threads().isEmpty() ? "an event-loop thread" : site.threads().get(0);
        StringBuilder text = new StringBuilder("Blocking ").append(site.category()).append(" call ")
                .append(site.blockingMethod()).append(" on event-loop thread ").append(thread).append(". ")
                .append(site.count()).append(site.count() == 1 ? " call, " : " calls, ")
                .append(Durations.format(site.totalNanos())).append(" blocked, max ")
                .append(Durations.format(site.maxNanos())).append('.');
        if (site.detail() != null) {
            text.append(" Detail: ").append(site.detail());
        }
        return text.toString();
    }
}
