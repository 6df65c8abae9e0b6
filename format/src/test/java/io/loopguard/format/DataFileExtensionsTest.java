package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional top-level fields {@code maxSites} and {@code agentError}, the detail cap, terminal escaping. */
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
