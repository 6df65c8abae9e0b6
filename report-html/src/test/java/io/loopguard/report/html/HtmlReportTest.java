package io.loopguard.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.format.DataFile;
import io.loopguard.format.DataFileWriter;
import io.loopguard.report.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's exit hands the report the data file it has just written instead of having it read back: the page is
 * the one the same directory gives when every file is read, other JVMs' files included, in the same order.
 */
class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void theOwnDataFileGivenInMemoryMakesTheSameReportAsReadingItBack() throws Exception {
        DataFile earlier = Fixtures.file(11, Fixtures.many(7));
        DataFile own = Fixtures.file(22, Fixtures.many(12).subList(3, 12));
        DataFile later = Fixtures.file(33, Fixtures.many(4));
        DataFileWriter.writeAtomically(earlier, dir.resolve("loopguard-11.json"));
        DataFileWriter.writeAtomically(own, dir.resolve("loopguard-22.json"));
        DataFileWriter.writeAtomically(later, dir.resolve("loopguard-33.json"));
        Files.writeString(dir.resolve("loopguard-44.json"), "{ not a data file");

        String readBack = withoutGeneratedAt(Files.readString(HtmlReport.writeIndex(dir)));
        String given = withoutGeneratedAt(Files.readString(HtmlReport.writeIndex(dir, dir.resolve("loopguard-22.json"),
                own)));

        assertThat(given).isEqualTo(readBack).contains("loopguard-44.json");
    }

    @Test
    void aFileThatIsNotInTheDirectoryIsNotAddedAndTheDirectoryIsReadAsItIs() throws Exception {
        DataFile only = Fixtures.file(11, Fixtures.many(3));
        DataFileWriter.writeAtomically(only, dir.resolve("loopguard-11.json"));

        String readBack = withoutGeneratedAt(Files.readString(HtmlReport.writeIndex(dir)));
        String given = withoutGeneratedAt(Files.readString(HtmlReport.writeIndex(dir, dir.resolve("elsewhere.json"),
                Fixtures.file(99, Fixtures.many(5)))));

        assertThat(given).isEqualTo(readBack);
    }

    private static String withoutGeneratedAt(String html) {
        return html.replaceAll("\"generatedAt\":\"[^\"]*\"", "\"generatedAt\":\"\"");
    }
}
