package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataFileReaderErrorsTest {

    @TempDir
    Path dir;

    private static final String GOOD = DataFileWriter.toJson(Samples.contractExample());

    private static DataFileException parseError(String json) {
        try {
            DataFileReader.parse(json, "f.json");
        } catch (DataFileException e) {
            return e;
        }
        throw new AssertionError("no error for: " + json);
    }

    @Test
    void unsupportedFormat() {
        DataFileException e = parseError(GOOD.replace("loopguard/1", "loopguard/2"));
        assertThat(e).hasMessage("f.json: unsupported format 'loopguard/2', expected loopguard/1 at line 2, column 13");
    }

    @Test
    void truncatedFileAtEveryLength() {
        // Every proper prefix of a valid file is an error with a position, never another exception.
        for (int i = 0; i < GOOD.length() - 2; i += 7) {
            DataFileException e = parseError(GOOD.substring(0, i));
            assertThat(e.getMessage()).startsWith("f.json: ").contains(" at line ");
            assertThat(e.line()).isPositive();
        }
        assertThat(parseError(GOOD.substring(0, 200)).getMessage()).contains("truncated");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                           | empty document, expected a JSON object at line 1, column 1",
        "'[]'                         | expected a JSON object, found an array (not a loopguard data file?) at line 1, column 1",
        "'{\"format\": 1}'            | format: expected a string, found a number at line 1, column 12",
        "'{}'                         | missing field 'format' in the object at line 1, column 1",
        "'{\"a\":1,\"a\":2}'          | duplicate member 'a' at line 1, column 8",
        "'{\"a\":1} x'                | unexpected 'x' after the end of the JSON document at line 1, column 9",
        "'{\"a\":tru}'                | unexpected '}', expected 'true' at line 1, column 9",
        "'{\"a\":\"x\\q\"}'           | invalid escape '\\q' at line 1, column 9",
        "'{\"a\":\"\\u12g4\"}'        | invalid hex digit 'g' in a \\u escape at line 1, column 11",
        "'{\"a\":01}'                 | unexpected '1', expected ',' or '}' at line 1, column 7",
        "'{\"a\":-}'                  | unexpected '}', expected a digit at line 1, column 7",
        "'{a:1}'                      | unexpected 'a', expected a quoted member name at line 1, column 2",
        "'{\"a\" 1}'                  | unexpected '1', expected ':' at line 1, column 6",
        "'{\"a\":[1 2]}'              | unexpected '2', expected ',' or ']' at line 1, column 9",
        "'\n\n  {\"a\": @}'           | unexpected '@', expected a value at line 3, column 9",
    })
    void corruptJson(String json, String message) {
        assertThat(parseError(json)).hasMessage("f.json: " + message);
    }

    @Test
    void rawControlCharacterInString() {
        assertThat(parseError("{\"a\":\"x\ny\"}")).hasMessageContaining("unescaped control character U+000A");
    }

    @Test
    void deepNesting() {
        assertThat(parseError("[".repeat(10_000))).hasMessageContaining("nesting deeper than 256 levels");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'\"pid\": 4242'                    | '\"pid\": \"4242\"'             | jvm.pid: expected a number, found a string",
        "'\"pid\": 4242'                    | '\"pid\": 42.5'                 | jvm.pid: expected an integer, found 42.5",
        "'\"pid\": 4242, '                  | ''                              | missing field 'jvm.pid' in the object at line 3",
        "'\"startedAt\": \"2026-11-22T10:00:00Z\"' | '\"startedAt\": \"yesterday\"' | jvm.startedAt: invalid timestamp 'yesterday'",
        "'\"id\": \"9f2c41d0a7b3e815\",'    | ''                              | missing field 'callSites[0].id' in the object at line 6, column 5",
        "'\"category\": \"jdbc\"'           | '\"category\": \"disk\"'        | callSites[0].category: unknown category 'disk', expected one of sleep,",
        "'\"count\": 12'                    | '\"count\": -12'                | callSites[0].count: must not be negative, is -12",
        "'\"count\": 12'                    | '\"count\": 99999999999999999999' | callSites[0].count: expected an integer",
        "'\"threads\": [\"vert.x-eventloop-thread-0\"]' | '\"threads\": [1]'   | callSites[0].threads[0]: expected a string, found a number",
        "'\"detail\": \"SELECT name FROM users WHERE id = ?\"' | '\"detail\": 3' | callSites[0].detail: expected a string, found a number",
        "'\"lineNumber\": 134'              | '\"lineNumber\": 134000000000'  | callSites[0].stack[0].lineNumber: out of range",
        "'\"className\": \"demo.UserHandler\", ' | ''                        | missing field 'callSites[0].stack[1].className'",
        "'\"droppedCalls\": 0'              | '\"droppedCalls\": null'        | droppedCalls: expected a number, found null",
        "'\"registeredThreads\": [\"vert.x-eventloop-thread-0\"]' | '\"registeredThreads\": \"x\"' | registeredThreads: expected an array, found a string",
    })
    void wrongFields(String from, String to, String message) {
        assertThat(GOOD).contains(from);
        DataFileException e = parseError(GOOD.replace(from, to));
        assertThat(e.getMessage()).startsWith("f.json: ").contains(message).contains(" at line ");
    }

    @Test
    void stackMustBeAnArrayOfObjects() {
        String json = GOOD.replaceFirst("\"stack\": \\[\\n\\s*\\{", "\"stack\": [ 5, {");
        assertThat(parseError(json)).hasMessageContaining("callSites[0].stack[0]: expected an object, found a number");
    }

    @Test
    void fileErrorsNameTheFile() throws Exception {
        Path missing = dir.resolve("loopguard-1.json");
        assertThatThrownBy(() -> DataFileReader.read(missing)).isInstanceOf(DataFileException.class)
                .hasMessage(missing + ": file not found");
        Path binary = dir.resolve("loopguard-2.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThatThrownBy(() -> DataFileReader.read(binary)).hasMessage(binary + ": not UTF-8 text (not a loopguard data file?)");
        Path bom = dir.resolve("loopguard-3.json");
        Files.writeString(bom, "\uFEFF" + GOOD, StandardCharsets.UTF_8);
        assertThat(DataFileReader.read(bom)).isEqualTo(Samples.contractExample());
        assertThatThrownBy(() -> DataFileReader.read(dir)).isInstanceOf(DataFileException.class)
                .hasMessageStartingWith(dir + ": cannot read");
    }
}
