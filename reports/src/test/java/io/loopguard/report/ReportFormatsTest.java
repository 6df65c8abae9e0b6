package io.loopguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.report.check.Checker;
import io.loopguard.report.check.Rules;
import io.loopguard.report.model.MergedReport;
import io.loopguard.report.model.Merger;
import io.loopguard.report.model.Run;
import io.loopguard.report.model.SourcePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one list of report formats: distinct files, and writeAll writes exactly those, whatever thread writes which. */
class ReportFormatsTest {

    @Test
    void everyFormatHasItsOwnFileAndAWeight() {
        List<String> names = ReportFormats.ALL.stream().map(ReportFormat::fileName).collect(Collectors.toList());
        assertThat(names).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(ReportFiles.HTML, ReportFiles.JSON, ReportFiles.SARIF, ReportFiles.JUNIT);
        assertThat(ReportFormats.ALL).allSatisfy(f -> assertThat(f.weight()).isPositive());
    }

    @Test
    void writeAllWritesEveryFormatAndNothingElse(@TempDir Path dir) throws Exception {
        MergedReport report = Merger.merge(List.of(new Run("a.json", Fixtures.jvm(1), 3, 0)),
                List.of(Fixtures.file(1, Fixtures.many(3))), List.of());
        Path html = ReportFiles.writeAll(report, Checker.check(report, Rules.strict(), null), SourcePaths.none(),
                "test", dir);
        assertThat(html).isEqualTo(dir.resolve(ReportFiles.HTML));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(
                            ReportFormats.ALL.stream().map(ReportFormat::fileName).collect(Collectors.toList()));
        }
        for (ReportFormat format : ReportFormats.ALL) {
            assertThat(Files.size(dir.resolve(format.fileName()))).as(format.fileName()).isPositive();
        }
    }
}
