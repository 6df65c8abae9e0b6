package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import io.loopguard.format.DataFileSchema.Member;
import io.loopguard.format.DataFileSchema.Owner;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;

/**
 * The schema is the one list of members: the writer writes each of them (and nothing else), in the schema's order,
 * and the streaming binder and the tree binder read a file with every optional member set to the same records. A
 * field added to a record but not to the schema, or to the schema but not to the writer or a reader, fails here.
 */
class DataFileSchemaTest {

    /** A data file with every optional member present and not at its default. */
    private static DataFile everyMember() {
        Frame frame = new Frame("demo.Handler", "handle", "Handler.java", 42);
        Frame noFile = new Frame("demo.Generated", "run", null, -1);
        CallSite site = new CallSite("9f2c41d0a7b3e815", "jdbc", "java.sql.Statement.executeQuery", "SELECT ?",
                List.of("vert.x-eventloop-thread-0"), 3, 30, 5, 15, Instant.parse("2026-11-22T10:00:01Z"),
                Instant.parse("2026-11-22T10:00:02Z"), List.of(frame, noFile), List.of("demo.HandlerTest#reads()"),
                "netty: io.netty.handler.ssl.SslHandler#handshake", DurationHistogram.ofDurations(5, 10, 15));
        LoopTime loop = new LoopTime("loop-0", Instant.parse("2026-11-22T10:00:00.5Z"), 9_000_000_000L, 5_000_000_000L,
                java.util.Map.of("jdbc", 30L, "sleep", 1_000L), 340_000_000L,
                List.of(new BlockedStretch("stall", "0123456789abcdef", Instant.parse("2026-11-22T10:00:03.25Z"),
                        340_000_000L)));
        return new DataFile(DataFile.FORMAT, Samples.jvm(), List.of(site), 7, List.of("loop-0"), 100, "boom",
                List.of(loop));
    }

    @Test
    void theWriterWritesEveryMemberOfTheSchemaInItsOrderAndNothingElse() throws Exception {
        String json = DataFileWriter.toJson(everyMember());
        JsonNode root = JsonParser.parse(json, "x");
        assertThat(names(root)).containsExactlyElementsOf(jsonNames(Owner.ROOT));
        assertThat(names(root.members().get(Member.JVM.jsonName))).containsExactlyElementsOf(jsonNames(Owner.JVM));
        JsonNode site = root.members().get(Member.CALL_SITES.jsonName).elements().get(0);
        assertThat(names(site)).containsExactlyElementsOf(jsonNames(Owner.CALL_SITE));
        for (JsonNode frame : site.members().get(Member.STACK.jsonName).elements()) {
            assertThat(names(frame)).containsExactlyElementsOf(jsonNames(Owner.FRAME));
        }
        JsonNode loop = root.members().get(Member.LOOPS.jsonName).elements().get(0);
        assertThat(names(loop)).containsExactlyElementsOf(jsonNames(Owner.LOOP));
        JsonNode stretch = loop.members().get(Member.LONGEST.jsonName).elements().get(0);
        assertThat(names(stretch)).containsExactlyElementsOf(jsonNames(Owner.STRETCH));
    }

    @Test
    void bothReadersReadEveryMemberAlike() throws Exception {
        DataFile file = everyMember();
        String json = DataFileWriter.toJson(file);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThat(DataFileBinder.bind(bytes, 0, bytes.length)).isEqualTo(file);
        assertThat(DataFileReader.parseTree(json, "x")).isEqualTo(file);
    }

    @Test
    void requiredMembersAreTheContractsFirstVersionAndTheRestOptional() {
        // Plus "thread", required only inside an element of the optional "loops" (older files have no loops at all),
        // and the members of a loop's optional "longest" stretches ("category" is already in the set).
        Set<String> required = new LinkedHashSet<>();
        for (Member m : Member.values()) {
            if (m.required) {
                required.add(m.jsonName);
            }
        }
        assertThat(required).containsExactly("format", "jvm", "callSites", "droppedCalls", "pid", "javaVersion",
                "command", "startedAt", "endedAt", "id", "category", "blockingMethod", "threads", "count", "totalNanos",
                "minNanos", "maxNanos", "firstSeen", "lastSeen", "stack", "className", "methodName", "lineNumber",
                "thread", "site", "start", "nanos");
        assertThat(Member.values().length).isLessThan(64); // the binder's members-seen masks are longs
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.members().keySet());
    }

    private static List<String> jsonNames(Owner owner) {
        List<String> names = new ArrayList<>();
        for (Member m : Member.values()) {
            if (m.owner == owner) {
                names.add(m.jsonName);
            }
        }
        return names;
    }
}
