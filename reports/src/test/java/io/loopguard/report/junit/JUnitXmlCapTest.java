package io.loopguard.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.CallSite;
import io.loopguard.report.Fixtures;
import io.loopguard.report.check.CheckResult;
import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Run;
import io.loopguard.report.model.SourcePaths;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit XML size cap (GitLab rejects reports over 30 MB), tested with a small cap: whole test cases only, then
 * one case that says how many were left out (failing, since violations were among them), and a file that parses.
 */
class JUnitXmlCapTest {

    private static MergedReport report(int sites) {
        List<CallSite> all = new ArrayList<>(Fixtures.many(sites));
        all.sort(CallSite.MOST_BLOCKED_FIRST);
        return new MergedReport(List.of(new Run("loopguard-1.json", Fixtures.jvm(1), sites, 0)), all, 0, List.of(),
                List.of());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void overTheCapTheRestIsLeftOutAndSaidSo() throws Exception {
        MergedReport report = report(300);
        CheckResult check = Checker.check(report, Rules.strict(), null);
        StringBuilder out = new StringBuilder();
        int leftOut = JUnitXmlWriter.write(report, check, SourcePaths.none(), out, 60_000);
        assertThat(leftOut).isBetween(1, 299);
        assertThat(out.toString().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(60_000);
        Document doc = parse(out.toString());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(300 - leftOut + 1);
        Element last = (Element) cases.item(cases.getLength() - 1);
        assertThat(last.getAttribute("name")).isEqualTo("every call site listed");
        assertThat(last.getElementsByTagName("failure").item(0).getTextContent())
                .startsWith(leftOut + " of 300 call sites are not listed: the file would pass 60000 bytes");
        assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo("300");
    }

    @Test
    void underTheCapNothingIsLeftOut() throws Exception {
        MergedReport report = report(20);
        StringBuilder out = new StringBuilder();
        assertThat(JUnitXmlWriter.write(report, Checker.check(report, Rules.strict(), null), SourcePaths.none(), out))
                .isZero();
        assertThat(parse(out.toString()).getElementsByTagName("testcase").getLength()).isEqualTo(20);
        assertThat(out.toString()).doesNotContain("every call site listed");
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacters() {
        assertThat(Xml.clean("a\u0000b\u001bc\td\ne\ud800f\ud83d\ude00g\uffff")).isEqualTo(
                "a\ufffdb\ufffdc\td\ne\ufffdf\ud83d\ude00g\ufffd");
        String plain = "nothing to clean";
        assertThat(Xml.clean(plain)).isSameAs(plain);
    }
}
