package io.loopguard.report.sarif;

import io.loopguard.format.CallSite;
import io.loopguard.format.SiteWording;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.format.InstantText;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.LocationGroup;
import io.loopguard.report.check.ViolationLines;
import io.loopguard.format.Durations;
import io.loopguard.report.check.SiteVerdict;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.model.StackFrames;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes SARIF 2.1.0: one result per application location ({@link LocationGroup}: the line the reports point at, with
 * the category and blocking method), whose call sites' distinct stacks are its code flows. Levels follow the check:
 * {@code error} when a site at that location is a violation, {@code note} when all are baselined
 * ({@code baselineState: unchanged}), {@code warning} for the rest (tolerated or not checked), so nothing is hidden.
 * Only application frames get a physical location: JDK and library files are not in the repository. Stacks and code
 * flows are bounded excerpts (see {@link SarifStacks}), and a run holds at most {@value #MAX_RESULTS} results.
 */
public final class SarifWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /**
     * The partial fingerprint name; its value is the location's fingerprint ({@link
     * io.loopguard.format.CallSiteId#ofLocation}: category, blocking method, application class, method and line), so
     * an alert survives library and JDK upgrades and new paths to the same line; a result without an application
     * frame carries its call site's id instead.
     */
    public static final String FINGERPRINT = "loopguardLocation/v1";
    /** Code flows (and stacks) per result: one per distinct call site at the location, the most blocked first. */
    static final int MAX_FLOWS = 10;
    /** Results per run: GitHub code scanning accepts at most 25 000 (and shows the first 5 000). */
    public static final int MAX_RESULTS = 25_000;

    private SarifWriter() {
    }

    /** Writes one SARIF run for {@code check}'s verdicts; {@code version} is the tool's semantic version. */
    public static void write(MergedReport report, CheckResult check, SourcePaths sources, String version,
                             Appendable appendable) throws IOException {
        write(report, check, sources, version, appendable, MAX_RESULTS);
    }

    static void write(MergedReport report, CheckResult check, SourcePaths sources, String version,
                      Appendable appendable, int maxResults) throws IOException {
        JsonOut out = new JsonOut(appendable);
        out.begin().field("$schema", SCHEMA).field("version", "2.1.0").name("runs").beginArray().begin();
        out.name("tool").begin().name("driver").begin().field("name", "loopguard").field("semanticVersion", version)
                .field("informationUri", "https://github.com/loopguard/loopguard").name("rules").beginArray();
        for (Category category : Category.values()) {
            rule(out, category);
        }
        out.endArray().end().end();
        Instant ended = report.endedAt().orElse(null);
        out.name("automationDetails").begin()
                .field("id", "loopguard/" + (ended == null ? "none" : InstantText.format(ended))).end();
        List<LocationGroup> groups = LocationGroup.of(check.verdicts());
        int omitted = Math.max(0, groups.size() - maxResults);
        // Data the check cannot trust (an agent that failed to start, calls dropped at the call-site bound) is
        // not a successful execution: code scanning shows the notifications as tool errors.
        out.name("invocations").beginArray().begin().name("executionSuccessful")
                .value(check.failingProblems().isEmpty());
        if (omitted > 0 || !check.problems().isEmpty()) {
            out.name("toolExecutionNotifications").beginArray();
            for (CheckResult.Problem problem : check.problems()) {
                out.begin().field("level", problem.fails() ? "error" : "warning")
                        .message("message", problem.message())
                        .name("descriptor").begin().field("id", "loopguard/" + problem.kind()).end().end();
            }
            if (omitted > 0) {
                out.begin().field("level", "warning")
                        .message("message", omitted + " of " + groups.size() + " locations are not listed: a run "
                                + "holds at most " + maxResults + " results (GitHub code scanning's limit). The HTML "
                                + "report and loopguard.json list every call site.").end();
            }
            out.endArray();
        }
        out.end().endArray();
        int violations = 0;
        for (LocationGroup group : groups) {
            violations += group.decisive().status() == SiteVerdict.Status.VIOLATION ? 1 : 0;
        }
        // Over the limit, violations go first; the order stays the report's (most blocked time first).
        int others = Math.max(0, maxResults - violations);
        int written = 0;
        Artifacts artifacts = new Artifacts();
        out.name("results").beginArray();
        for (LocationGroup group : groups) {
            boolean violation = group.decisive().status() == SiteVerdict.Status.VIOLATION;
            if (written >= maxResults || (!violation && others == 0)) {
                continue;
            }
            others -= violation ? 0 : 1;
            written++;
            result(out, group, sources, check.rules() != null, artifacts);
        }
        out.endArray();
        // After the results, which collected them: each source file once, referenced by artifactLocation.index.
        out.name("artifacts").beginArray();
        for (String uri : artifacts.uris) {
            out.begin().name("location").begin().field("uri", uri).field("uriBaseId", "%SRCROOT%").end().end();
        }
        out.endArray();
        out.end().endArray().end().finish();
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

    private static void result(JsonOut out, LocationGroup group, SourcePaths sources, boolean checked,
                               Artifacts artifacts) throws IOException {
        SiteVerdict verdict = group.decisive();
        CallSite site = group.merged();
        Category category = Category.fromId(site.category());
        int primary = StackFrames.primaryFrameIndex(site);
        out.begin().field("ruleId", RuleTexts.ruleId(category)).field("ruleIndex", category.ordinal())
                .field("level", level(verdict.status())).message("message", message(site));
        out.name("locations").beginArray();
        if (primary >= 0) {
            location(out, site.stack().get(primary), sources, artifacts, true, true);
        }
        out.endArray();
        out.name("partialFingerprints").begin().field(FINGERPRINT, group.fingerprint()).end();
        out.field("occurrenceCount", site.count());
        if (verdict.status() == SiteVerdict.Status.BASELINED) {
            out.field("baselineState", "unchanged");
        } else if (checked && verdict.status() == SiteVerdict.Status.VIOLATION) {
            out.field("baselineState", "new");
        }
        List<SiteVerdict> members = group.members();
        int flows = Math.min(members.size(), MAX_FLOWS);
        out.name("codeFlows").beginArray();
        for (int m = 0; m < flows; m++) {
            CallSite member = members.get(m).site();
            List<Frame> stack = member.stack();
            out.begin();
            if (members.size() > 1) {
                out.message("message", flowMessage(member));
            }
            out.name("threadFlows").beginArray().begin()
                    .field("id", member.threads().isEmpty() ? "unknown" : member.threads().get(0))
                    .name("locations").beginArray();
            for (int i : SarifStacks.codeFlow(stack)) {
                Frame frame = stack.get(i);
                out.begin().name("location");
                location(out, frame, sources, artifacts, StackFrames.isApplication(frame), false);
                out.end();
            }
            out.endArray().end().endArray().end();
        }
        out.endArray();
        out.name("stacks").beginArray();
        for (int m = 0; m < flows; m++) {
            stack(out, members.get(m).site(), sources, artifacts);
        }
        out.endArray();
        out.name("properties").begin().field("category", site.category()).field("blockingMethod", site.blockingMethod());
        if (site.detail() != null) {
            out.field("detail", site.detail());
        }
        out.name("threads").beginArray();
        for (String thread : site.threads()) {
            out.value(thread);
        }
        out.endArray();
        if (!site.tests().isEmpty()) {
            out.name("tests").beginArray();
            for (String test : site.tests()) {
                out.value(test);
            }
            out.endArray();
        }
        out.name("callSites").beginArray();
        for (SiteVerdict member : members) {
            out.value(member.site().id());
        }
        out.endArray();
        if (members.size() > flows) {
            out.field("codeFlowsOmitted", members.size() - flows);
        }
        out.field("count", site.count()).field("totalNanos", site.totalNanos())
                .field("maxNanos", site.maxNanos()).field("verdict", verdict.status().name().toLowerCase(Locale.ROOT))
                .field("reason", verdict.reason()).end();
        out.end();
    }

    /** One call site's stack, a bounded excerpt whose message says what was left out. */
    private static void stack(JsonOut out, CallSite site, SourcePaths sources, Artifacts artifacts)
            throws IOException {
        List<Frame> stack = site.stack();
        int[] frames = SarifStacks.stackFrames(stack);
        String text = SiteWording.what(site.category(), site.blockingMethod());
        if (frames.length < stack.size()) {
            text += " (" + frames.length + " of " + stack.size() + " frames; " + leftOut(stack, frames)
                    + ". index.html and loopguard.json have the whole stack)";
        }
        out.begin().message("message", text).name("frames").beginArray();
        for (int i : frames) {
            Frame frame = stack.get(i);
            out.begin().name("location");
            location(out, frame, sources, artifacts, StackFrames.isApplication(frame), false);
            out.end();
        }
        out.endArray().end();
    }

    /** A code flow's message when a location has several: which call site, how often, how long. */
    private static String flowMessage(CallSite site) {
        return "Call site " + site.id() + ": " + site.count() + (site.count() == 1 ? " call, " : " calls, ")
                + Durations.format(site.totalNanos()) + (site.tests().isEmpty() ? "" : ViolationLines.during(site));
    }

    /** {@code left out: 19 JDK, 20 library, 1 application frames}: what {@link SarifStacks} did not keep. */
    private static String leftOut(List<Frame> stack, int[] kept) {
        int jdk = 0;
        int application = 0;
        int library = 0;
        for (int i = 1, next = 1; i < stack.size(); i++) { // kept[0] is always 0
            if (next < kept.length && kept[next] == i) {
                next++;
            } else if (stack.get(i).isJdk()) {
                jdk++;
            } else if (StackFrames.isApplication(stack.get(i))) {
                application++;
            } else {
                library++;
            }
        }
        StringBuilder text = new StringBuilder("left out:");
        String separator = " ";
        if (jdk > 0) {
            text.append(separator).append(jdk).append(" JDK");
            separator = ", ";
        }
        if (library > 0) {
            text.append(separator).append(library).append(" library");
            separator = ", ";
        }
        if (application > 0) {
            text.append(separator).append(application).append(" application");
        }
        return text.append(" frames").toString();
    }

    /**
     * A location; physical only for application frames with a file (JDK and library files are not in the
     * repository). The artifact location keeps {@code uri} next to its {@code index}: GitHub requires the uri.
     * Logical locations only on the result's own location: in the stacks the message names the frame already.
     */
    private static void location(JsonOut out, Frame frame, SourcePaths sources, Artifacts artifacts,
                                 boolean physical, boolean logical) throws IOException {
        out.begin();
        if (physical && frame.fileName() != null) {
            String uri = UriText.path(sources.pathOf(frame));
            out.name("physicalLocation").begin().name("artifactLocation").begin().field("uri", uri)
                    .field("uriBaseId", "%SRCROOT%").field("index", artifacts.indexOf(uri)).end();
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

    /** {@code run.artifacts}: each source file once, in order of first use. */
    private static final class Artifacts {
        final List<String> uris = new ArrayList<>();
        final Map<String, Integer> indexes = new HashMap<>();

        int indexOf(String uri) {
            Integer index = indexes.get(uri);
            if (index == null) {
                index = uris.size();
                uris.add(uri);
                indexes.put(uri, index);
            }
            return index;
        }
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
        StringBuilder text = new StringBuilder(SiteWording.sentence(site.category(), site.blockingMethod()))
                .append(" on event-loop thread ").append(thread).append(". ")
                .append(site.count()).append(site.count() == 1 ? " call, " : " calls, ")
                .append(Durations.format(site.totalNanos())).append(" blocked, max ")
                .append(Durations.format(site.maxNanos())).append('.');
        if (!site.tests().isEmpty()) {
            text.append(" Tests: ").append(ViolationLines.during(site).substring(" during ".length())).append('.');
        }
        if (site.detail() != null) {
            text.append(' ').append(SiteWording.capitalized(SiteWording.detailLabel(site.category()))).append(": ")
                    .append(site.detail());
        }
        return text.toString();
    }
}
