package io.loopguard.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code loopguard/1} JSON (valid UTF-8 bytes) straight onto the records: no tree, no member maps, no
 * positions, member names matched as bytes. It accepts exactly the documents the agent writes (known members only,
 * UTC timestamps, integers without fraction or exponent). On anything else, valid or not, it gives up with
 * {@link Fallback}, and {@link DataFileReader} parses the same text with {@link JsonParser} and its tree binder,
 * which accept the same documents and make every error message (with line and column). So this class never decides
 * what an error says, and whatever it accepts, the tree binder accepts with the same result.
 */
final class DataFileBinder {

    /** "Not the common case": the caller parses again with the tree parser. Preallocated, no stack trace. */
    static final class Fallback extends Exception {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final Fallback FALLBACK = new Fallback();

    private static final int SHARED_SLOTS = 4096;
    private static final int MAX_SHARED_LENGTH = 256;

    private static final byte[] FORMAT = ascii("format");
    private static final byte[] JVM = ascii("jvm");
    private static final byte[] CALL_SITES = ascii("callSites");
    private static final byte[] DROPPED_CALLS = ascii("droppedCalls");
    private static final byte[] REGISTERED_THREADS = ascii("registeredThreads");
    private static final byte[] MAX_SITES = ascii("maxSites");
    private static final byte[] AGENT_ERROR = ascii("agentError");
    private static final byte[] PID = ascii("pid");
    private static final byte[] JAVA_VERSION = ascii("javaVersion");
    private static final byte[] COMMAND = ascii("command");
    private static final byte[] STARTED_AT = ascii("startedAt");
    private static final byte[] ENDED_AT = ascii("endedAt");
    private static final byte[] ID = ascii("id");
    private static final byte[] CATEGORY = ascii("category");
    private static final byte[] BLOCKING_METHOD = ascii("blockingMethod");
    private static final byte[] DETAIL = ascii("detail");
    private static final byte[] THREADS = ascii("threads");
    private static final byte[] COUNT = ascii("count");
    private static final byte[] TOTAL_NANOS = ascii("totalNanos");
    private static final byte[] MIN_NANOS = ascii("minNanos");
    private static final byte[] MAX_NANOS = ascii("maxNanos");
    private static final byte[] FIRST_SEEN = ascii("firstSeen");
    private static final byte[] LAST_SEEN = ascii("lastSeen");
    private static final byte[] STACK = ascii("stack");
    private static final byte[] CLASS_NAME = ascii("className");
    private static final byte[] METHOD_NAME = ascii("methodName");
    private static final byte[] FILE_NAME = ascii("fileName");
    private static final byte[] LINE_NUMBER = ascii("lineNumber");

    private static final Category[] CATEGORIES = Category.values();

    private final byte[] b;
    private final int end;
    private int pos;
    /** Start and length of the member name just read. */
    private int keyStart;
    private int keyLength;

    /** Repeated strings share one instance (see {@link JsonParser}): a slot per hash, overwritten on collision. */
    private final String[] shared = new String[SHARED_SLOTS];
    private final int[] sharedStart = new int[SHARED_SLOTS];
    /** One instance per distinct frame: call sites of one file share most of their frames. */
    private final Map<Frame, Frame> frames = new HashMap<>();
    private String lastCategory;
    private String lastTimeText;
    private Instant lastTime;

    private DataFileBinder(byte[] bytes, int start, int end) {
        this.b = bytes;
        this.pos = start;
        this.end = end;
    }

    /** Binds {@code bytes[start, end)}, which must be valid UTF-8, or throws {@link Fallback}. */
    static DataFile bind(byte[] bytes, int start, int end) throws Fallback {
        DataFileBinder binder = new DataFileBinder(bytes, start, end);
        DataFile file = binder.dataFile();
        binder.whitespace();
        if (binder.pos != end) {
            throw FALLBACK;
        }
        return file;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ---- the data file's objects -------------------------------------------------------------------------------

    private DataFile dataFile() throws Fallback {
        open('{');
        String format = null;
        JvmInfo jvm = null;
        List<CallSite> sites = null;
        long dropped = -1;
        List<String> registered = null;
        long maxSites = -1;
        String agentError = null;
        boolean hasAgentError = false;
        if (!emptyObject()) {
            do {
                key();
                if (isKey(FORMAT) && format == null) {
                    format = string();
                    if (!DataFile.FORMAT.equals(format)) {
                        throw FALLBACK;
                    }
                } else if (isKey(JVM) && jvm == null) {
                    jvm = jvm();
                } else if (isKey(CALL_SITES) && sites == null) {
                    sites = callSites();
                } else if (isKey(DROPPED_CALLS) && dropped < 0) {
                    dropped = nonNegative();
                } else if (isKey(REGISTERED_THREADS) && registered == null) {
                    registered = strings();
                } else if (isKey(MAX_SITES) && maxSites < 0) {
                    maxSites = nonNegative();
                } else if (isKey(AGENT_ERROR) && !hasAgentError) {
                    agentError = nullableString();
                    hasAgentError = true;
                } else {
                    throw FALLBACK; // unknown or repeated member
                }
            } while (nextMember());
        }
        if (format == null || jvm == null || sites == null || dropped < 0) {
            throw FALLBACK;
        }
        return new DataFile(format, jvm, sites, dropped, registered == null ? List.of() : registered,
                Math.max(0, maxSites), agentError);
    }

    private JvmInfo jvm() throws Fallback {
        open('{');
        boolean hasPid = false;
        long pid = 0;
        String javaVersion = null;
        String command = null;
        Instant startedAt = null;
        Instant endedAt = null;
        if (!emptyObject()) {
            do {
                key();
                if (isKey(PID) && !hasPid) {
                    pid = integer();
                    hasPid = true;
                } else if (isKey(JAVA_VERSION) && javaVersion == null) {
                    javaVersion = string();
                } else if (isKey(COMMAND) && command == null) {
                    command = string();
                } else if (isKey(STARTED_AT) && startedAt == null) {
                    startedAt = instant();
                } else if (isKey(ENDED_AT) && endedAt == null) {
                    endedAt = instant();
                } else {
                    throw FALLBACK;
                }
            } while (nextMember());
        }
        if (!hasPid || javaVersion == null || command == null || startedAt == null || endedAt == null) {
            throw FALLBACK;
        }
        return new JvmInfo(pid, javaVersion, command, startedAt, endedAt);
    }

    private List<CallSite> callSites() throws Fallback {
        open('[');
        List<CallSite> sites = new ArrayList<>();
        if (!emptyArray()) {
            do {
                whitespace();
                sites.add(callSite());
            } while (nextElement());
        }
        return sites;
    }

    private CallSite callSite() throws Fallback {
        open('{');
        String id = null;
        String category = null;
        String blockingMethod = null;
        String detail = null;
        boolean hasDetail = false;
        List<String> threads = null;
        long count = -1;
        long totalNanos = -1;
        long minNanos = -1;
        long maxNanos = -1;
        Instant firstSeen = null;
        Instant lastSeen = null;
        List<Frame> stack = null;
        if (!emptyObject()) {
            do {
                key();
                if (isKey(ID) && id == null) {
                    id = string();
                } else if (isKey(CATEGORY) && category == null) {
                    category = category();
                } else if (isKey(BLOCKING_METHOD) && blockingMethod == null) {
                    blockingMethod = string();
                } else if (isKey(DETAIL) && !hasDetail) {
                    detail = nullableString();
                    hasDetail = true;
                } else if (isKey(THREADS) && threads == null) {
                    threads = strings();
                } else if (isKey(COUNT) && count < 0) {
                    count = nonNegative();
                } else if (isKey(TOTAL_NANOS) && totalNanos < 0) {
                    totalNanos = nonNegative();
                } else if (isKey(MIN_NANOS) && minNanos < 0) {
                    minNanos = nonNegative();
                } else if (isKey(MAX_NANOS) && maxNanos < 0) {
                    maxNanos = nonNegative();
                } else if (isKey(FIRST_SEEN) && firstSeen == null) {
                    firstSeen = instant();
                } else if (isKey(LAST_SEEN) && lastSeen == null) {
                    lastSeen = instant();
                } else if (isKey(STACK) && stack == null) {
                    stack = stack();
                } else {
                    throw FALLBACK;
                }
            } while (nextMember());
        }
        if (id == null || category == null || blockingMethod == null || threads == null || count < 0
                || totalNanos < 0 || minNanos < 0 || maxNanos < 0 || firstSeen == null || lastSeen == null
                || stack == null) {
            throw FALLBACK;
        }
        return new CallSite(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos,
                firstSeen, lastSeen, stack);
    }

    private List<Frame> stack() throws Fallback {
        open('[');
        List<Frame> stack = new ArrayList<>();
        if (!emptyArray()) {
            do {
                whitespace();
                stack.add(frame());
            } while (nextElement());
        }
        return stack;
    }

    private Frame frame() throws Fallback {
        open('{');
        String className = null;
        String methodName = null;
        String fileName = null;
        boolean hasFileName = false;
        boolean hasLine = false;
        long line = 0;
        if (!emptyObject()) {
            do {
                key();
                if (isKey(CLASS_NAME) && className == null) {
                    className = string();
                } else if (isKey(METHOD_NAME) && methodName == null) {
                    methodName = string();
                } else if (isKey(FILE_NAME) && !hasFileName) {
                    fileName = nullableString();
                    hasFileName = true;
                } else if (isKey(LINE_NUMBER) && !hasLine) {
                    line = integer();
                    hasLine = true;
                } else {
                    throw FALLBACK;
                }
            } while (nextMember());
        }
        if (className == null || methodName == null || !hasLine || line < Integer.MIN_VALUE
                || line > Integer.MAX_VALUE) {
            throw FALLBACK;
        }
        Frame frame = new Frame(className, methodName, fileName, (int) line);
        Frame known = frames.putIfAbsent(frame, frame);
        return known != null ? known : frame;
    }

    private List<String> strings() throws Fallback {
        open('[');
        List<String> values = new ArrayList<>(2);
        if (!emptyArray()) {
            do {
                whitespace();
                values.add(string());
            } while (nextElement());
        }
        return values;
    }

    private String category() throws Fallback {
        String category = string();
        if (category == lastCategory) { // shared strings: the same instance as last time
            return category;
        }
        for (Category c : CATEGORIES) {
            if (c.id().equals(category)) {
                lastCategory = category;
                return category;
            }
        }
        throw FALLBACK;
    }

    private Instant instant() throws Fallback {
        String text = string();
        if (text.equals(lastTimeText)) {
            return lastTime;
        }
        Instant instant = InstantText.parseUtc(text);
        if (instant == null) {
            throw FALLBACK; // offsets, leap seconds, invalid: java.time and the error messages are the tree binder's
        }
        lastTimeText = text;
        lastTime = instant;
        return instant;
    }

    // ---- JSON structure ----------------------------------------------------------------------------------------

    /** Skips white space, then expects {@code ch}. */
    private void open(char ch) throws Fallback {
        whitespace();
        if (pos >= end || b[pos] != ch) {
            throw FALLBACK;
        }
        pos++;
    }

    /** True (and consumed) when the container just opened is closed at once by {@code close}. */
    private boolean empty(char close) throws Fallback {
        whitespace();
        if (pos < end && b[pos] == close) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean emptyObject() throws Fallback {
        return empty('}');
    }

    private boolean emptyArray() throws Fallback {
        return empty(']');
    }

    /** After a value in a container: true at ',' (another one follows), false at {@code close}. */
    private boolean next(char close) throws Fallback {
        whitespace();
        if (pos < end) {
            byte c = b[pos++];
            if (c == ',') {
                return true;
            }
            if (c == close) {
                return false;
            }
        }
        throw FALLBACK;
    }

    private boolean nextMember() throws Fallback {
        return next('}');
    }

    private boolean nextElement() throws Fallback {
        return next(']');
    }

    /** A member name without escapes, then ':'; leaves the position at the value. */
    private void key() throws Fallback {
        whitespace();
        byte[] b = this.b;
        int p = pos;
        if (p >= end || b[p] != '"') {
            throw FALLBACK;
        }
        int start = ++p;
        while (true) {
            if (p >= end) {
                throw FALLBACK;
            }
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw FALLBACK;
            }
            p++;
        }
        keyStart = start;
        keyLength = p - start;
        pos = p + 1;
        whitespace();
        if (pos >= end || b[pos] != ':') {
            throw FALLBACK;
        }
        pos++;
        whitespace();
    }

    private boolean isKey(byte[] name) {
        int n = name.length;
        return keyLength == n && Arrays.equals(b, keyStart, keyStart + n, name, 0, n);
    }

    private void whitespace() {
        byte[] b = this.b;
        int p = pos;
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }

    // ---- JSON values -------------------------------------------------------------------------------------------

    private String nullableString() throws Fallback {
        if (pos + 4 <= end && b[pos] == 'n' && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l') {
            pos += 4;
            return null;
        }
        return string();
    }

    /** A string value at the position (after white space). */
    private String string() throws Fallback {
        byte[] b = this.b;
        int p = pos;
        if (p >= end || b[p] != '"') {
            throw FALLBACK;
        }
        int start = ++p;
        int hash = 0;
        boolean ascii = true;
        while (true) {
            if (p >= end) {
                throw FALLBACK;
            }
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                pos = start;
                return escaped();
            }
            if (c < 0x20) {
                if (c >= 0) {
                    throw FALLBACK; // an unescaped control character
                }
                ascii = false; // a byte of a multi-byte UTF-8 sequence
            }
            hash = 31 * hash + c;
            p++;
        }
        pos = p + 1;
        int length = p - start;
        if (!ascii) {
            return new String(b, start, length, StandardCharsets.UTF_8);
        }
        if (length > MAX_SHARED_LENGTH) {
            return new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        int slot = (hash ^ (hash >>> 16)) & (SHARED_SLOTS - 1);
        String known = shared[slot];
        if (known != null && known.length() == length) {
            int at = sharedStart[slot];
            if (Arrays.equals(b, at, at + length, b, start, p)) {
                return known;
            }
        }
        String s = new String(b, start, length, StandardCharsets.ISO_8859_1);
        shared[slot] = s;
        sharedStart[slot] = start;
        return s;
    }

    /** The rest of a string with escapes, from {@code pos} (just after the opening quote). */
    private String escaped() throws Fallback {
        byte[] b = this.b;
        StringBuilder sb = new StringBuilder();
        int p = pos;
        int start = p;
        while (true) {
            if (p >= end) {
                throw FALLBACK;
            }
            byte c = b[p];
            if (c == '"') {
                append(sb, start, p);
                pos = p + 1;
                return sb.toString();
            }
            if (c >= 0 && c < 0x20) {
                throw FALLBACK;
            }
            if (c != '\\') {
                p++;
                continue;
            }
            append(sb, start, p);
            if (p + 1 >= end) {
                throw FALLBACK;
            }
            byte e = b[p + 1];
            p += 2;
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (p + 4 > end) {
                        throw FALLBACK;
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int h = b[p++];
                        int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                        if (digit < 0) {
                            throw FALLBACK;
                        }
                        code = code * 16 + digit;
                    }
                    sb.append((char) code);
                    break;
                default:
                    throw FALLBACK;
            }
            start = p;
        }
    }

    private void append(StringBuilder sb, int from, int to) {
        if (to > from) {
            sb.append(new String(b, from, to - from, StandardCharsets.UTF_8));
        }
    }

    private long nonNegative() throws Fallback {
        long value = integer();
        if (value < 0) {
            throw FALLBACK;
        }
        return value;
    }

    /** An integer as JSON writes it (no fraction, no exponent), at most 18 digits; otherwise {@link Fallback}. */
    private long integer() throws Fallback {
        byte[] b = this.b;
        int p = pos;
        boolean negative = false;
        if (p < end && b[p] == '-') {
            negative = true;
            p++;
        }
        if (p >= end) {
            throw FALLBACK;
        }
        long value = 0;
        byte c = b[p];
        if (c == '0') {
            p++;
        } else if (c >= '1' && c <= '9') {
            int start = p;
            while (p < end && (c = b[p]) >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                p++;
            }
            if (p - start > 18) {
                throw FALLBACK;
            }
        } else {
            throw FALLBACK;
        }
        if (p < end && ((c = b[p]) == '.' || c == 'e' || c == 'E' || (c >= '0' && c <= '9'))) {
            throw FALLBACK;
        }
        pos = p;
        return negative ? -value : value;
    }
}
