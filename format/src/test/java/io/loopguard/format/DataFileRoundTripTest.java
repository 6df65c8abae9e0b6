package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFileRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void contractExampleRoundTrips() throws Exception {
        DataFile file = Samples.contractExample();
        assertThat(DataFileReader.parse(DataFileWriter.toJson(file), "x")).isEqualTo(file);
    }

    @Test
    void writerMatchesGoldenFile() throws Exception {
        assertThat(DataFileWriter.toJson(Samples.contractExample())).isEqualTo(resource("golden-contract.json"));
    }

    @Test
    void readsTheContractExampleVerbatim() throws Exception {
        // The JSON block of contract.md, unchanged: no registeredThreads member.
        DataFile read = DataFileReader.parse(resource("contract-example.json"), "contract.md");
        DataFile expected = Samples.contractExample();
        assertThat(read.callSites()).isEqualTo(expected.callSites());
        assertThat(read.jvm()).isEqualTo(expected.jvm());
        assertThat(read.registeredThreads()).isEmpty();
    }

    @Test
    void hostileStringsRoundTrip() throws Exception {
        DataFile file = Samples.nasty();
        String json = DataFileWriter.toJson(file);
        assertThat(DataFileReader.parse(json, "x")).isEqualTo(file);
        assertThat(json).doesNotContain("\u2028", "\u2029", "\u0000", "\ud800 ").contains("\\ud800", "\\udc00",
                "\\u2028", "\\u0000", "\\u001f", "\\\"", "\\\\", "\\n", "😀", "é");
    }

    @Test
    void writesAtomicallyIntoNewDirectories() throws Exception {
        Path target = dir.resolve("a/b/loopguard-1.json");
        DataFileWriter.writeAtomically(Samples.nasty(), target);
        DataFileWriter.writeAtomically(Samples.contractExample(), target); // replaces
        assertThat(DataFileReader.read(target)).isEqualTo(Samples.contractExample());
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void emptyCallSitesAndUnknownMembers() throws Exception {
        DataFile empty = new DataFile(Samples.jvm(), List.of(), 3);
        String json = DataFileWriter.toJson(empty);
        assertThat(DataFileReader.parse(json, "x")).isEqualTo(empty);
        String extended = json.replace("\"droppedCalls\"", "\"future\": {\"x\": [1, 2.5e3, true, null]}, \"droppedCalls\"");
        assertThat(DataFileReader.parse(extended, "x")).isEqualTo(empty);
    }

    @Test
    void categoriesHaveContractIds() {
        assertThat(Category.JDBC.id()).isEqualTo("jdbc");
        assertThat(Category.fromId("pinning")).isEqualTo(Category.PINNING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Category.fromId("JDBC"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'JDBC'");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = DataFileRoundTripTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
