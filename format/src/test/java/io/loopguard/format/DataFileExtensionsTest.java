package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional top-level fields {@code maxSites}, {@code agentError} and {@code loops}, the detail cap, terminal
 * escaping.
 */
class DataFileExtensionsTest {

    private static DataFile bind(String json) throws DataFileBinder.Fallback {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return DataFileBinder.bind(bytes, 0, bytes.length);
    }

    @Test
    void agentErrorAndMaxSitesRoundTripThroughBothReaders() throws Exception {
        DataFile failed = new DataFile(DataFile.FORMAT, Samples.jvm(), List.of(), 0, List.of(), 100,
                "java.lang.IllegalStateException: boom \n\u001b[2J");
        String json = DataFileWriter.toJson(failed);
        assertThat(json).contains("\"maxSites\": 100,").contains("\"agentError\": \"java.lang.IllegalStateException");
        assertThat(bind(json)).isEqualTo(failed);
        assertThat(DataFileReader.parseTree(json, "x")).isEqualTo(failed);
        assertThat(DataFileReader.parse(json, "x")).isEqualTo(failed);
    }

    @Test
    void absentOptionalFieldsAreNotWrittenAndReadAsDefaults() throws Exception {
        String json = DataFileWriter.toJson(Samples.contractExample());
        assertThat(json).doesNotContain("agentError").doesNotContain("maxSites");
        DataFile read = DataFileReader.parseTree(json, "x");
        assertThat(read.agentError()).isNull();
        assertThat(read.maxSites()).isZero();
        assertThat(DataFileReader.parseTree(json.replace("\"droppedCalls\"", "\"agentError\": null, \"droppedCalls\""),
                "x").agentError()).isNull();
    }

    @Test
    void allowedByRoundTripsThroughBothReadersAndIsLeftOutWhenNull() throws Exception {
        CallSite ordinary = Samples.contractExample().callSites().get(0);
        CallSite allowed = ordinary.withAllowedBy("netty: io.netty.handler.ssl.SslHandler#handshake");
        DataFile file = new DataFile(DataFile.FORMAT, Samples.jvm(), List.of(allowed), 0, List.of());
        String json = DataFileWriter.toJson(file);
        assertThat(json).contains("\"allowedBy\": \"netty: io.netty.handler.ssl.SslHandler#handshake\"");
        assertThat(bind(json)).isEqualTo(file);
        assertThat(DataFileReader.parseTree(json, "x")).isEqualTo(file);
        assertThat(DataFileReader.parseTree(json, "x").callSites().get(0).isAllowed()).isTrue();
        assertThat(DataFileWriter.toJson(Samples.contractExample())).doesNotContain("allowedBy");
        assertThat(ordinary.isAllowed()).isFalse();
        assertThat(ordinary.mergedWith(allowed).allowedBy()).isEqualTo(allowed.allowedBy());
        assertThatThrownBy(() -> DataFileReader.parseTree(json.replace("\"allowedBy\": \"netty", "\"allowedBy\": 1, \"x\": \""),
                "x")).hasMessageContaining("allowedBy");
    }

    @Test
    void loopsRoundTripThroughBothReadersAndAreLeftOutWhenEmpty() throws Exception {
        LoopTime loop = new LoopTime("vert.x-eventloop-thread-0", Instant.parse("2026-11-22T10:00:01.25Z"),
                8_000_000_000L, 4_880_000_000L, Map.of("sleep", 30_000_000L, "jdbc", 1_200_000_000L), 340_000_000L);
        LoopTime plain = new LoopTime("spinner", null, 300_000_000L, 300_000_000L, Map.of(), 0);
        DataFile file = new DataFile(DataFile.FORMAT, Samples.jvm(), List.of(), 0, List.of("spinner"), 0, null,
                List.of(loop, plain));
        String json = DataFileWriter.toJson(file);
        assertThat(json).contains("\"blockedNanos\": { \"sleep\": 30000000, \"jdbc\": 1200000000 }")
                .contains("\"registeredAt\": null").contains("\"blockedNanos\": {}");
        assertThat(bind(json)).isEqualTo(file);
        assertThat(DataFileReader.parseTree(json, "x")).isEqualTo(file);
        assertThat(loop.otherNanos()).isEqualTo(4_880_000_000L - 1_230_000_000L - 340_000_000L);
        assertThat(DataFileWriter.toJson(Samples.contractExample())).doesNotContain("loops");
        assertThat(DataFileReader.parseTree(DataFileWriter.toJson(Samples.contractExample()), "x").loops()).isEmpty();
    }

    @Test
    void histogramAndLongestStretchesRoundTripAndBadOnesAreRefusedByName() throws Exception {
        CallSite site = Samples.contractExample().callSites().get(0)
                .withHistogram(DurationHistogram.ofDurations(500, 1_500_000, 1_600_000, 40_000_000));
        LoopTime loop = new LoopTime("l", Instant.parse("2026-11-22T10:00:00Z"), 9, 8, Map.of(), 7,
                List.of(new BlockedStretch("jdbc", site.id(), Instant.parse("2026-11-22T10:00:01.5Z"), 40_000_000)));
        DataFile file = new DataFile(DataFile.FORMAT, Samples.jvm(), List.of(site), 0, List.of("l"), 0, null,
                List.of(loop));
        String json = DataFileWriter.toJson(file);
        assertThat(json).contains("\"histogram\": { \"1024\": 1, \"1572864\": 1, \"1835008\": 1, \"41943040\": 1 }")
                .contains("\"longest\": [");
        assertThat(bind(json)).isEqualTo(file);
        assertThat(DataFileReader.parseTree(json, "x")).isEqualTo(file);
        // any bound inside a bucket lands in it: readers do not depend on the writer's exact keys
        assertThat(DataFileReader.parse(json.replace("\"1572864\": 1", "\"1500001\": 1"), "x").callSites().get(0)
                .histogram()).isEqualTo(site.histogram());
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"1024\": 1", "\"fast\": 1"), "f.json"))
                .hasMessageStartingWith("f.json: callSites[0].histogram.fast: expected a bucket's upper bound");
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"1024\": 1", "\"1024\": -1"), "f.json"))
                .hasMessageStartingWith("f.json: callSites[0].histogram.1024: expected a non-negative integer");
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"category\": \"jdbc\", \"site\"",
                "\"category\": \"nap\", \"site\""), "f.json"))
                .hasMessageStartingWith("f.json: loops[0].longest[0].category: unknown category 'nap'");
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"nanos\": 40000000", "\"n\": 1"), "f.json"))
                .hasMessageStartingWith("f.json: missing field 'loops[0].longest[0].nanos'");
    }

    @Test
    void aLoopWithAnUnknownCategoryOrNegativeTimeIsRefusedByName() {
        String json = DataFileWriter.toJson(new DataFile(DataFile.FORMAT, Samples.jvm(), List.of(), 0, List.of(), 0,
                null, List.of(new LoopTime("l", null, 5, 4, Map.of("sleep", 3L), 0))));
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"sleep\"", "\"nap\""), "f.json"))
                .hasMessageStartingWith("f.json: loops[0].blockedNanos.nap: unknown category 'nap'");
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"busyNanos\": 4", "\"busyNanos\": -4"), "f.json"))
                .hasMessageStartingWith("f.json: loops[0].busyNanos: must not be negative");
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"sleep\": 3", "\"sleep\": -3"), "f.json"))
                .hasMessageStartingWith("f.json: loops[0].blockedNanos.sleep: expected a non-negative integer");
        assertThatThrownBy(() -> DataFileReader.parse(json.replace("\"thread\": \"l\", ", ""), "f.json"))
                .hasMessageStartingWith("f.json: missing field 'loops[0].thread'");
    }

    @Test
    void detailIsCappedOnWriteAndOnRead() throws Exception {
        String huge = "x".repeat(CallSite.MAX_DETAIL - 1) + "\ud83d\ude00" + "y".repeat(100_000);
        CallSite site = new CallSite("a", "file", "m", huge, List.of("t"), 1, 1, 1, 1, Instant.EPOCH, Instant.EPOCH,
                List.of());
        assertThat(site.detail()).hasSize(CallSite.MAX_DETAIL - 1 + CallSite.TRUNCATED.length())
                .endsWith("x" + CallSite.TRUNCATED);
        String json = DataFileWriter.toJson(new DataFile(Samples.jvm(), List.of(site), 0));
        assertThat(json.length()).isLessThan(CallSite.MAX_DETAIL + 2000);
        String hand = json.replace(site.detail(), huge);
        assertThat(hand.length()).isGreaterThan(100_000);
        assertThat(bind(hand).callSites().get(0).detail()).isEqualTo(site.detail());
        assertThat(DataFileReader.parseTree(hand, "x").callSites().get(0).detail()).isEqualTo(site.detail());
    }

    @Test
    void terminalTextEscapesControlCharactersOnly() {
        assertThat(TerminalText.escape("vert.x-eventloop-thread-0 C:\\x é \ud83d\ude00")).isEqualTo(
                "vert.x-eventloop-thread-0 C:\\x é \ud83d\ude00");
        assertThat(TerminalText.escape("t\n[loopguard] 0 blocking call sites\r\t\u001b[31m\u0000\u007f\u0085\u009b"
                + "\u2028\u2029\ud800")).isEqualTo("t\\n[loopguard] 0 blocking call sites\\r\\t\\u001b[31m\\u0000"
                + "\\u007f\\u0085\\u009b\\u2028\\u2029\\ud800");
        assertThat(TerminalText.escape("\udc00x")).isEqualTo("\\udc00x");
        assertThat(TerminalText.escape(null)).isEqualTo("null");
    }
}
