package io.loopguard.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loopguard.format.DataFileSchema.Member;
import io.loopguard.format.json.JsonException;
import io.loopguard.format.json.JsonNode;
import io.loopguard.format.json.JsonParser;

/**
 * Reads {@code loopguard/1} JSON. Strict about what the contract requires (every error names the file and the
 * position or field), lenient about what it does not know: unknown members are ignored, so a newer agent that adds a
 * field stays readable. A different {@code format} is refused, as JaCoCo refuses an unknown exec-file version.
 */
public final class DataFileReader {

    private DataFileReader() {
    }

    /** Reads and validates a data file (UTF-8). */
    public static DataFile read(Path file) throws DataFileException {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, "file not found", null);
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, "permission denied", null);
        } catch (IOException e) {
            throw new DataFileException(name, "cannot read: " + e, null);
        }
        int start = 0;
        if (!isAscii(bytes)) {
            try { // validates: the binder below relies on valid UTF-8
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new DataFileException(name, "not UTF-8 text (not a loopguard data file?)", null);
            }
            if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
                start = 3; // a byte-order mark, as JsonParser skips it
            }
        }
        try {
            return DataFileBinder.bind(bytes, start, bytes.length);
        } catch (DataFileBinder.Fallback e) {
            return parseTree(new String(bytes, StandardCharsets.UTF_8), name);
        }
    }

    /** Parses and validates data-file JSON; {@code sourceName} is used in error messages. */
    public static DataFile parse(String json, String sourceName) throws DataFileException {
        if (isAscii(json)) {
            try {
                return DataFileBinder.bind(json.getBytes(StandardCharsets.ISO_8859_1), 0, json.length());
            } catch (DataFileBinder.Fallback e) {
                // not the agent's usual output, or invalid: the tree parser decides and words the error
            }
        }
        return parseTree(json, sourceName);
    }

    /**
     * The general path: a JSON tree with positions, then bound to the records. Used for what the streaming
     * {@link DataFileBinder} does not take (unknown members, timestamps with offsets, ...) and for every invalid
     * document, so that all error messages come from here.
     */
    static DataFile parseTree(String json, String sourceName) throws DataFileException {
        JsonNode root;
        try {
            root = JsonParser.parse(json, sourceName);
        } catch (JsonException e) {
            throw new DataFileException(e);
        }
        return new Binder(sourceName).dataFile(root);
    }

    /** True when no byte has the high bit set (ORed in blocks: the loop vectorises and stops early). */
    private static boolean isAscii(byte[] bytes) {
        int n = bytes.length;
        for (int from = 0; from < n; from += 8192) {
            int to = Math.min(n, from + 8192);
            int bits = 0;
            for (int i = from; i < to; i++) {
                bits |= bytes[i];
            }
            if (bits < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Maps the JSON tree onto the records, with the JSON path of every field for error messages. */
    private static final class Binder {
        private final String source;
        /** One instance per distinct frame: call sites of one file share most of their frames. */
        private final Map<Frame, Frame> frames = new HashMap<>();

        Binder(String source) {
            this.source = source;
        }

        DataFile dataFile(JsonNode root) throws DataFileException {
            if (root.kind() != JsonNode.Kind.OBJECT) {
                throw new DataFileException(source, "expected a JSON object, found " + root.kind().description()
                        + " (not a loopguard data file?)", root.line(), root.column());
            }
            // The format first: a file of another version gets that message, not a list of "missing field"s.
            JsonNode format = field(root, Member.FORMAT, "", JsonNode.Kind.STRING);
            if (!DataFile.FORMAT.equals(format.string())) {
                throw new DataFileException(source, "unsupported format '" + format.string() + "', expected "
                        + DataFile.FORMAT, format.line(), format.column());
            }
            JvmInfo jvm = jvm(field(root, Member.JVM, "", JsonNode.Kind.OBJECT));
            List<CallSite> sites = new ArrayList<>();
            String callSites = Member.CALL_SITES.jsonName;
            List<JsonNode> elements = field(root, Member.CALL_SITES, "", JsonNode.Kind.ARRAY).elements();
            for (int i = 0; i < elements.size(); i++) {
                sites.add(callSite(elements.get(i), callSites + "[" + i + "]"));
            }
            long dropped = nonNegative(root, Member.DROPPED_CALLS, "");
            List<String> registered = strings(root, Member.REGISTERED_THREADS, "");
            long maxSites = nonNegative(root, Member.MAX_SITES, "");
            String agentError = nullableString(root, Member.AGENT_ERROR, "");
            List<LoopTime> loops = new ArrayList<>();
            JsonNode loopsNode = field(root, Member.LOOPS, "", JsonNode.Kind.ARRAY);
            if (loopsNode != null) {
                List<JsonNode> loopElements = loopsNode.elements();
                for (int i = 0; i < loopElements.size(); i++) {
                    loops.add(loop(loopElements.get(i), Member.LOOPS.jsonName + "[" + i + "]"));
                }
            }
            return new DataFile(format.string(), jvm, sites, dropped, registered, maxSites, agentError, loops);
        }

        private JvmInfo jvm(JsonNode node) throws DataFileException {
            String p = Member.JVM.jsonName + ".";
            return new JvmInfo(integer(node, Member.PID, p), string(node, Member.JAVA_VERSION, p),
                    string(node, Member.COMMAND, p), instant(node, Member.STARTED_AT, p),
                    instant(node, Member.ENDED_AT, p));
        }

        private CallSite callSite(JsonNode node, String path) throws DataFileException {
            expectKind(node, path, JsonNode.Kind.OBJECT);
            String p = path + ".";
            JsonNode category = category(node, Member.CATEGORY, p);
            List<Frame> stack = new ArrayList<>();
            String stackName = Member.STACK.jsonName;
            List<JsonNode> frames = field(node, Member.STACK, p, JsonNode.Kind.ARRAY).elements();
            for (int i = 0; i < frames.size(); i++) {
                stack.add(frame(frames.get(i), p + stackName + "[" + i + "]"));
            }
            return new CallSite(string(node, Member.ID, p), category.string(), string(node, Member.BLOCKING_METHOD, p),
                    nullableString(node, Member.DETAIL, p), strings(node, Member.THREADS, p),
                    nonNegative(node, Member.COUNT, p), nonNegative(node, Member.TOTAL_NANOS, p),
                    nonNegative(node, Member.MIN_NANOS, p), nonNegative(node, Member.MAX_NANOS, p),
                    instant(node, Member.FIRST_SEEN, p), instant(node, Member.LAST_SEEN, p), stack,
                    strings(node, Member.TESTS, p), nullableString(node, Member.ALLOWED_BY, p), histogram(node, p));
        }

        /** A call site's optional histogram: bucket upper bounds (positive integers) to non-negative counts. */
        private DurationHistogram histogram(JsonNode node, String prefix) throws DataFileException {
            JsonNode object = field(node, Member.HISTOGRAM, prefix, JsonNode.Kind.OBJECT);
            if (object == null) {
                return null;
            }
            String q = prefix + Member.HISTOGRAM.jsonName + ".";
            long[] counts = new long[DurationHistogram.BUCKETS];
            for (Map.Entry<String, JsonNode> entry : object.members().entrySet()) {
                JsonNode value = entry.getValue();
                long bound;
                try {
                    bound = Long.parseLong(entry.getKey());
                } catch (NumberFormatException e) {
                    bound = 0;
                }
                if (bound <= 0) {
                    throw new DataFileException(source, q + entry.getKey()
                            + ": expected a bucket's upper bound in nanoseconds (a positive integer)", value.line(),
                            value.column());
                }
                counts[DurationHistogram.bucketOf(bound - 1)] += nonNegativeNumber(value, q + entry.getKey());
            }
            return DurationHistogram.of(counts);
        }

        /** A number member of a map-like object (no schema member of its own): a non-negative integer. */
        private long nonNegativeNumber(JsonNode value, String path) throws DataFileException {
            expectKind(value, path, JsonNode.Kind.NUMBER);
            long n;
            try {
                n = Long.parseLong(value.numberText());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new DataFileException(source, path + ": expected a non-negative integer, found "
                        + value.numberText(), value.line(), value.column());
            }
            return n;
        }

        private LoopTime loop(JsonNode node, String path) throws DataFileException {
            expectKind(node, path, JsonNode.Kind.OBJECT);
            String p = path + ".";
            Instant registeredAt = null;
            JsonNode at = node.members().get(Member.REGISTERED_AT.jsonName);
            if (at != null && at.kind() != JsonNode.Kind.NULL) {
                registeredAt = instant(node, Member.REGISTERED_AT, p);
            }
            Map<String, Long> blocked = new HashMap<>();
            JsonNode byCategory = field(node, Member.BLOCKED_NANOS, p, JsonNode.Kind.OBJECT);
            if (byCategory != null) {
                String q = p + Member.BLOCKED_NANOS.jsonName + ".";
                for (Map.Entry<String, JsonNode> entry : byCategory.members().entrySet()) {
                    JsonNode value = entry.getValue();
                    try {
                        Category.fromId(entry.getKey());
                    } catch (IllegalArgumentException e) {
                        throw new DataFileException(source, q + entry.getKey() + ": " + e.getMessage(), value.line(),
                                value.column());
                    }
                    blocked.put(entry.getKey(), nonNegativeNumber(value, q + entry.getKey()));
                }
            }
            List<BlockedStretch> longest = new ArrayList<>();
            JsonNode stretches = field(node, Member.LONGEST, p, JsonNode.Kind.ARRAY);
            if (stretches != null) {
                List<JsonNode> elements = stretches.elements();
                for (int i = 0; i < elements.size(); i++) {
                    longest.add(stretch(elements.get(i), p + Member.LONGEST.jsonName + "[" + i + "]"));
                }
            }
            return new LoopTime(string(node, Member.THREAD, p), registeredAt,
                    nonNegative(node, Member.REGISTERED_NANOS, p), nonNegative(node, Member.BUSY_NANOS, p), blocked,
                    nonNegative(node, Member.STALL_NANOS, p), longest);
        }

        private BlockedStretch stretch(JsonNode node, String path) throws DataFileException {
            expectKind(node, path, JsonNode.Kind.OBJECT);
            String p = path + ".";
            return new BlockedStretch(category(node, Member.STRETCH_CATEGORY, p).string(),
                    string(node, Member.STRETCH_SITE, p), instant(node, Member.STRETCH_START, p),
                    nonNegative(node, Member.STRETCH_NANOS, p));
        }

        /** A required member naming a {@link Category} by its id; an unknown id is refused by name. */
        private JsonNode category(JsonNode node, Member member, String prefix) throws DataFileException {
            JsonNode category = field(node, member, prefix, JsonNode.Kind.STRING);
            try {
                Category.fromId(category.string());
            } catch (IllegalArgumentException e) {
                throw new DataFileException(source, prefix + member.jsonName + ": " + e.getMessage(),
                        category.line(), category.column());
            }
            return category;
        }

        private Frame frame(JsonNode node, String path) throws DataFileException {
            expectKind(node, path, JsonNode.Kind.OBJECT);
            String p = path + ".";
            long line = integer(node, Member.LINE_NUMBER, p);
            if (line < Integer.MIN_VALUE || line > Integer.MAX_VALUE) {
                JsonNode n = node.members().get(Member.LINE_NUMBER.jsonName);
                throw new DataFileException(source, p + Member.LINE_NUMBER.jsonName + ": out of range", n.line(),
                        n.column());
            }
            Frame frame = new Frame(string(node, Member.CLASS_NAME, p), string(node, Member.METHOD_NAME, p),
                    nullableString(node, Member.FILE_NAME, p), (int) line);
            Frame known = frames.putIfAbsent(frame, frame);
            return known != null ? known : frame;
        }

        private Instant instant(JsonNode node, Member member, String prefix) throws DataFileException {
            return InstantText.parse(field(node, member, prefix, JsonNode.Kind.STRING), prefix + member.jsonName,
                    source);
        }

        private List<String> strings(JsonNode node, Member member, String prefix) throws DataFileException {
            String name = member.jsonName;
            JsonNode array = field(node, member, prefix, JsonNode.Kind.ARRAY);
            if (array == null) {
                return List.of();
            }
            List<JsonNode> elements = array.elements();
            List<String> values = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                JsonNode element = elements.get(i);
                if (element.kind() != JsonNode.Kind.STRING) {
                    expectKind(element, prefix + name + "[" + i + "]", JsonNode.Kind.STRING);
                }
                values.add(element.string());
            }
            return values;
        }

        /** A required string member. */
        private String string(JsonNode node, Member member, String prefix) throws DataFileException {
            return field(node, member, prefix, JsonNode.Kind.STRING).string();
        }

        private String nullableString(JsonNode node, Member member, String prefix) throws DataFileException {
            String name = member.jsonName;
            JsonNode value = node.members().get(name);
            if (value == null || value.kind() == JsonNode.Kind.NULL) {
                return null; // the contract writes null; an absent optional field means the same
            }
            if (value.kind() != JsonNode.Kind.STRING) { // the path is built only for the error message
                expectKind(value, prefix + name, JsonNode.Kind.STRING);
            }
            return value.string();
        }

        private long nonNegative(JsonNode node, Member member, String prefix) throws DataFileException {
            String name = member.jsonName;
            long value = integer(node, member, prefix);
            if (value < 0) { // present, or it would be 0
                JsonNode n = node.members().get(name);
                throw new DataFileException(source, prefix + name + ": must not be negative, is " + value, n.line(),
                        n.column());
            }
            return value;
        }

        private long integer(JsonNode node, Member member, String prefix) throws DataFileException {
            String name = member.jsonName;
            JsonNode value = field(node, member, prefix, JsonNode.Kind.NUMBER);
            if (value == null) {
                return 0;
            }
            try {
                return Long.parseLong(value.numberText());
            } catch (NumberFormatException e) {
                throw new DataFileException(source, prefix + name + ": expected an integer, found "
                        + value.numberText(), value.line(), value.column());
            }
        }

        /**
         * The member's value, checked to be of {@code kind}; for an absent member, the error "missing field" if the
         * schema requires it, else {@code null} (each caller turns that into the member's documented default).
         */
        private JsonNode field(JsonNode node, Member member, String prefix, JsonNode.Kind kind)
                throws DataFileException {
            String name = member.jsonName;
            JsonNode value = node.members().get(name);
            if (value == null) {
                if (!member.required) {
                    return null; // the caller's default for an absent optional member
                }
                throw new DataFileException(source, "missing field '" + prefix + name + "' in the object",
                        node.line(), node.column());
            }
            if (value.kind() != kind) {
                expectKind(value, prefix + name, kind);
            }
            return value;
        }

        private void expectKind(JsonNode value, String path, JsonNode.Kind kind) throws DataFileException {
            if (value.kind() != kind) {
                throw new DataFileException(source, path + ": expected " + kind.description() + ", found "
                        + value.kind().description(), value.line(), value.column());
            }
        }
    }
}
