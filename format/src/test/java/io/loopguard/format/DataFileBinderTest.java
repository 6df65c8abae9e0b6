package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The streaming binder takes what the agent writes and gives up on everything else; either way the reader's result
 * is the tree binder's.
 */
class DataFileBinderTest {

    @TempDir
    Path dir;

    private static final String GOOD = DataFileWriter.toJson(Samples.contractExample());

    private static DataFile bind(String json) throws DataFileBinder.Fallback {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return DataFileBinder.bind(bytes, 0, bytes.length);
    }

    @Test
    void bindsTheAgentsOutputWithoutTheTree() throws Exception {
        assertThat(bind(GOOD)).isEqualTo(Samples.contractExample()).isEqualTo(DataFileReader.parseTree(GOOD, "x"));
        String nasty = DataFileWriter.toJson(Samples.nasty());
        assertThat(bind(nasty)).isEqualTo(Samples.nasty()).isEqualTo(DataFileReader.parseTree(nasty, "x"));
        DataFile empty = new DataFile(Samples.jvm(), List.of(), 3);
        assertThat(bind(DataFileWriter.toJson(empty))).isEqualTo(empty);
    }

    @Test
    void nonAsciiFileAndByteOrderMark() throws Exception {
        Path file = dir.resolve("loopguard-1.json");
        String json = DataFileWriter.toJson(Samples.nasty()).replace("\\u00e9", "é");
        Files.writeString(file, "\uFEFF" + json.replace("\"t2\"", "\"t\u00e9\\u00e9\u65e5\ud83d\ude00\""),
                StandardCharsets.UTF_8);
        DataFile read = DataFileReader.read(file);
        assertThat(read).isEqualTo(DataFileReader.parseTree(Files.readString(file).substring(1), "x"));
        assertThat(read.callSites().get(0).threads()).contains("t\u00e9\u00e9\u65e5\ud83d\ude00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"format\": \"loopguard/1\",' | '\"format\": \"loopguard/1\", \"future\": {\"a\": [1, 2.5e3, true]},'",
        "'\"count\": 12'                | '\"count\": 9223372036854775807'",
        "'\"count\": 12'                | '\"count\": -0'",
        "'\"startedAt\": \"2026-11-22T10:00:00Z\"' | '\"startedAt\": \"2026-11-22T12:00:00+02:00\"'",
        "'\"detail\": \"SELECT name FROM users WHERE id = ?\",' | ''",
        "'\"detail\": \"SELECT name FROM users WHERE id = ?\"' | '\"detail\": null'",
        "'\"fileName\": \"UserHandler.java\",' | '\"fileName\": null,'",
        "'\"fileName\": \"UserHandler.java\",' | ''",
        "'\"registeredThreads\": [\"vert.x-eventloop-thread-0\"]' | '\"registeredThreads\": []'",
        "'\"lineNumber\": 134'  | '\"lineNumber\": -1'",
        "'\"SELECT name FROM users WHERE id = ?\"' | '\"SELECT \\\"name\\\" \\/ \\u0041\\t\\\\ ?\"'",
        "'\"jvm\": {'            | '\"jvm\" :\t{'",
    })
    void readerAgreesWithTheTreeBinder(String from, String to) throws Exception {
        assertThat(GOOD).contains(from);
        String json = GOOD.replace(from, to);
        DataFile tree = DataFileReader.parseTree(json, "x");
        assertThat(DataFileReader.parse(json, "x")).isEqualTo(tree);
        Path file = dir.resolve("loopguard-2.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        assertThat(DataFileReader.read(file)).isEqualTo(tree);
    }

    @Test
    void givesUpOnUnknownMembersAndInvalidDocuments() {
        assertThatThrownBy(() -> bind(GOOD.replace("\"jvm\": {", "\"x\": 1, \"jvm\": {")))
                .isInstanceOf(DataFileBinder.Fallback.class);
        assertThatThrownBy(() -> bind(GOOD.replace("\"count\": 12", "\"count\": 12, \"count\": 12")))
                .isInstanceOf(DataFileBinder.Fallback.class);
        assertThatThrownBy(() -> bind(GOOD + "x")).isInstanceOf(DataFileBinder.Fallback.class);
        assertThatThrownBy(() -> bind(GOOD.replace("\"lineNumber\": 134", "\"lineNumber\": 1.0")))
                .isInstanceOf(DataFileBinder.Fallback.class);
        for (int i = 0; i < GOOD.length() - 2; i += 5) {
            String prefix = GOOD.substring(0, i);
            assertThatThrownBy(() -> bind(prefix)).isInstanceOf(DataFileBinder.Fallback.class);
        }
    }
}
