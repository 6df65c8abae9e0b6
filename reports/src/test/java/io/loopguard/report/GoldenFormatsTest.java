package io.loopguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;
import io.loopguard.report.check.Baseline;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.html.HtmlReport;
import io.loopguard.report.junit.JUnitXmlWriter;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Run;
import io.loopguard.report.model.SourcePaths;
import io.loopguard.report.sarif.SarifSchema;
import io.loopguard.report.sarif.SarifWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * SARIF and JUnit XML against golden files (regenerate with -Dloopguard.updateGolden=true and review the diff),
 * plus structural checks that hold whatever the golden file says.
 */
class GoldenFormatsTest {

    static final CallSite JDBC = Fixtures.site(Category.JDBC, "java.sql.Statement.executeQuery", "SELECT ?",
            Fixtures.app("demo.A", "a", 10), 2, 30_000_000, "loop-0");
    static final CallSite SLEEP = Fixtures.site(Category.SLEEP, "java.lang.Thread.sleep", null,
            Fixtures.app("demo.B", "b", 20), 1, 1_000_000, "loop-1");

    static MergedReport report() {
        return new MergedReport(List.of(new Run("loopguard-1.json", Fixtures.jvm(1), 2, 0)), List.of(JDBC, SLEEP),
                0, List.of("loop-0"), List.of());
    }

    static CheckResult check() {
        return Checker.check(report(), Rules.strict(), Baseline.of(List.of(SLEEP)));
    }

    @Test
    void sarif() throws Exception {
        StringBuilder out = new StringBuilder();
        SarifWriter.write(report(), check(), SourcePaths.none(), "0.1.0", out);
        golden("golden.sarif", out.toString());
        SarifSchema.assertValid(out.toString());
        JsonNode root = JsonParser.parse(out.toString(), "sarif");
        assertThat(root.members().get("version").string()).isEqualTo("2.1.0");
        JsonNode run = root.members().get("runs").elements().get(0);
        assertThat(run.members().get("tool").members().get("driver").members().get("rules").elements())
                .hasSize(Category.values().length);
        List<JsonNode> results = run.members().get("results").elements();
        assertThat(results).hasSize(2);
        JsonNode first = results.get(0);
        assertThat(first.members().get("level").string()).isEqualTo("error");
        // the result's fingerprint is its application location's; its call sites' ids are listed in its properties
        assertThat(first.members().get("partialFingerprints").members().get("loopguardLocation/v1").string())
                .isEqualTo(io.loopguard.format.CallSiteId.ofLocation(JDBC.category(), JDBC.blockingMethod(),
                        JDBC.stack().get(io.loopguard.report.model.StackFrames.primaryFrameIndex(JDBC))));
        assertThat(first.members().get("properties").members().get("callSites").elements().get(0).string())
                .isEqualTo(JDBC.id());
        JsonNode physical = first.members().get("locations").elements().get(0).members().get("physicalLocation");
        assertThat(physical.members().get("artifactLocation").members().get("uri").string()).isEqualTo("demo/A.java");
        assertThat(physical.members().get("region").members().get("startLine").numberText()).isEqualTo("10");
        assertThat(results.get(1).members().get("baselineState").string()).isEqualTo("unchanged");
        assertThat(run.members().get("automationDetails").members().get("id").string())
                .isEqualTo("loopguard/2026-11-22T10:00:09Z");
    }

    @Test
    void junitXml() throws Exception {
        StringBuilder out = new StringBuilder();
        JUnitXmlWriter.write(report(), check(), SourcePaths.none(), out);
        golden("golden-junit.xml", out.toString());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void hostileStringsStayWellFormedEverywhere() throws Exception {
        MergedReport xss = new MergedReport(List.of(new Run(Fixtures.XSS, Fixtures.xss().jvm(), 1, 0)),
                Fixtures.xss().callSites(), 0, List.of(Fixtures.XSS), List.of(Fixtures.XSS));
        CheckResult check = Checker.check(xss, Rules.strict(), null);
        StringBuilder xml = new StringBuilder();
        JUnitXmlWriter.write(xss, check, SourcePaths.none(), xml);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder sarif = new StringBuilder();
        SarifWriter.write(xss, check, SourcePaths.none(), "0.1.0", sarif);
        JsonParser.parse(sarif.toString(), "sarif");
        SarifSchema.assertValid(sarif.toString());
        StringBuilder html = new StringBuilder();
        HtmlReport.render(xss, Instant.EPOCH, html);
        String page = html.toString();
        String data = page.substring(page.indexOf("id=\"loopguard-data\">"), page.indexOf("</script>",
                page.indexOf("id=\"loopguard-data\">")));
        assertThat(data).doesNotContain("<script", "</textarea", "<img", "\u2028", "\u2029", "&amp;")
                .contains("\\u003cscript\\u003e");
    }

    static void golden(String name, String actual) throws Exception {
        Path file = Path.of("src/test/resources/io/loopguard/report", name);
        if (Boolean.getBoolean("loopguard.updateGolden")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = GoldenFormatsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name + " (run with -Dloopguard.updateGolden=true)").isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
