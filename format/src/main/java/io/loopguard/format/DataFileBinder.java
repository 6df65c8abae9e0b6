package io.loopguard.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loopguard.format.DataFileSchema.Member;

/**
 * Binds {@code loopguard/1} JSON (valid UTF-8 bytes) straight onto the records: no tree, no member maps, no
 * positions, member names matched as bytes. It accepts exactly the documents the agent writes (known members only,
 * UTC timestamps, integers without fraction or exponent). On anything else, valid or not, it gives up with
 * {@link Fallback}, and {@link DataFileReader} parses the same text with {@link io.loopguard.format.json.JsonParser} and its tree binder,
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

    private static final long ROOT_REQUIRED = DataFileSchema.requiredBits(DataFileSchema.ROOT);
    private static final long JVM_REQUIRED = DataFileSchema.requiredBits(DataFileSchema.JVM);
    private static final long CALL_SITE_REQUIRED = DataFileSchema.requiredBits(DataFileSchema.CALL_SITE);
    private static final long FRAME_REQUIRED = DataFileSchema.requiredBits(DataFileSchema.FRAME);
    private static final long LOOP_REQUIRED = DataFileSchema.requiredBits(DataFileSchema.LOOP);
    private static final long STRETCH_REQUIRED = DataFileSchema.requiredBits(DataFileSchema.STRETCH);

    private static final Category[] CATEGORIES = Category.values();
    /** The categories' ids as bytes, for the keys of a loop's {@code blockedNanos}. */
    private static final byte[][] CATEGORY_IDS = new byte[CATEGORIES.length][];

    static {
        for (int i = 0; i < CATEGORIES.length; i++) {
            CATEGORY_IDS[i] = CATEGORIES[i].id().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private final byte[] b;
    private final int end;
    private int pos;
    /** Start and length of the member name just read. */
    private int keyStart;
    private int keyLength;

    /** Repeated strings share one instance (see {@link io.loopguard.format.json.JsonParser}): a slot per hash, overwritten on collision. */
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

    // ---- the data file's objects -------------------------------------------------------------------------------

    private DataFile dataFile() throws Fallback {
        open('{');
        String format = null;
        JvmInfo jvm = null;
        List<CallSite> sites = null;
        long dropped = 0;
        List<String> registered = List.of();
        long maxSites = 0;
        String agentError = null;
        List<LoopTime> loops = List.of();
        long seen = 0;
        if (!emptyObject()) {
            do {
                Member member = member(DataFileSchema.ROOT, seen);
                seen |= member.bit();
                switch (member) {
                    case FORMAT:
                        format = string();
                        if (!DataFile.FORMAT.equals(format)) {
                            throw FALLBACK;
                        }
                        break;
                    case JVM: jvm = jvm(); break;
                    case CALL_SITES: sites = callSites(); break;
                    case DROPPED_CALLS: dropped = nonNegative(); break;
                    case REGISTERED_THREADS: registered = strings(); break;
                    case MAX_SITES: maxSites = nonNegative(); break;
                    case AGENT_ERROR: agentError = nullableString(); break;
                    case LOOPS: loops = loops(); break;
                    default: throw FALLBACK;
                }
            } while (nextMember());
        }
        requireAll(seen, ROOT_REQUIRED);
        return new DataFile(format, jvm, sites, dropped, registered, maxSites, agentError, loops);
    }

    private JvmInfo jvm() throws Fallback {
        open('{');
        long pid = 0;
        String javaVersion = null;
        String command = null;
        Instant startedAt = null;
        Instant endedAt = null;
        long seen = 0;
        if (!emptyObject()) {
            do {
                Member member = member(DataFileSchema.JVM, seen);
                seen |= member.bit();
                switch (member) {
                    case PID: pid = integer(); break;
                    case JAVA_VERSION: javaVersion = string(); break;
                    case COMMAND: command = string(); break;
                    case STARTED_AT: startedAt = instant(); break;
                    case ENDED_AT: endedAt = instant(); break;
                    default: throw FALLBACK;
                }
            } while (nextMember());
        }
        requireAll(seen, JVM_REQUIRED);
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
        List<String> threads = null;
        long count = 0;
        long totalNanos = 0;
        long minNanos = 0;
        long maxNanos = 0;
        Instant firstSeen = null;
        Instant lastSeen = null;
        List<Frame> stack = null;
        List<String> tests = null;
        String allowedBy = null;
        DurationHistogram histogram = null;
        long seen = 0;
        if (!emptyObject()) {
            do {
                Member member = member(DataFileSchema.CALL_SITE, seen);
                seen |= member.bit();
                switch (member) {
                    case ID: id = string(); break;
                    case CATEGORY: category = category(); break;
                    case BLOCKING_METHOD: blockingMethod = string(); break;
                    case DETAIL: detail = nullableString(); break;
                    case THREADS: threads = strings(); break;
                    case COUNT: count = nonNegative(); break;
                    case TOTAL_NANOS: totalNanos = nonNegative(); break;
                    case MIN_NANOS: minNanos = nonNegative(); break;
                    case MAX_NANOS: maxNanos = nonNegative(); break;
                    case FIRST_SEEN: firstSeen = instant(); break;
                    case LAST_SEEN: lastSeen = instant(); break;
                    case STACK: stack = stack(); break;
                    case TESTS: tests = strings(); break;
                    case ALLOWED_BY: allowedBy = nullableString(); break;
                    case HISTOGRAM: histogram = histogram(); break;
                    default: throw FALLBACK;
                }
            } while (nextMember());
        }
        requireAll(seen, CALL_SITE_REQUIRED);
        return new CallSite(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos,
                firstSeen, lastSeen, stack, tests, allowedBy, histogram);
    }

    /**
     * A histogram: an object from a bucket's upper bound in nanoseconds (a decimal string) to its count. A key is put
     * in the bucket that holds {@code key - 1}; anything else (a key that is no number, a negative count):
     * {@link Fallback}.
     */
    private DurationHistogram histogram() throws Fallback {
        open('{');
        long[] counts = new long[DurationHistogram.BUCKETS];
        if (!emptyObject()) {
            do {
                key();
                if (keyLength == 0 || keyLength > 18) {
                    throw FALLBACK;
                }
                long bound = 0;
                for (int i = keyStart; i < keyStart + keyLength; i++) {
                    byte c = b[i];
                    if (c < '0' || c > '9') {
                        throw FALLBACK;
                    }
                    bound = bound * 10 + (c - '0');
                }
                if (bound == 0) {
                    throw FALLBACK;
                }
                counts[DurationHistogram.bucketOf(bound - 1)] += nonNegative();
            } while (nextMember());
        }
        return DurationHistogram.of(counts);
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
        long line = 0;
        long seen = 0;
        if (!emptyObject()) {
            do {
                Member member = member(DataFileSchema.FRAME, seen);
                seen |= member.bit();
                switch (member) {
                    case CLASS_NAME: className = string(); break;
                    case METHOD_NAME: methodName = string(); break;
                    case FILE_NAME: fileName = nullableString(); break;
                    case LINE_NUMBER: line = integer(); break;
                    default: throw FALLBACK;
                }
            } while (nextMember());
        }
        requireAll(seen, FRAME_REQUIRED);
        if (line < Integer.MIN_VALUE || line > Integer.MAX_VALUE) {
            throw FALLBACK;
        }
        Frame frame = new Frame(className, methodName, fileName, (int) line);
        Frame known = frames.putIfAbsent(frame, frame);
        return known != null ? known : frame;
    }

    private List<LoopTime> loops() throws Fallback {
        open('[');
        List<LoopTime> loops = new ArrayList<>();
        if (!emptyArray()) {
            do {
                whitespace();
                loops.add(loop());
            } while (nextElement());
        }
        return loops;
    }

    private LoopTime loop() throws Fallback {
        open('{');
        String thread = null;
        Instant registeredAt = null;
        long registeredNanos = 0;
        long busyNanos = 0;
        Map<String, Long> blockedNanos = Map.of();
        long stallNanos = 0;
        List<BlockedStretch> longest = List.of();
        long seen = 0;
        if (!emptyObject()) {
            do {
                Member member = member(DataFileSchema.LOOP, seen);
                seen |= member.bit();
                switch (member) {
                    case THREAD: thread = string(); break;
                    case REGISTERED_AT: registeredAt = nullableInstant(); break;
                    case REGISTERED_NANOS: registeredNanos = nonNegative(); break;
                    case BUSY_NANOS: busyNanos = nonNegative(); break;
                    case BLOCKED_NANOS: blockedNanos = nanosByCategory(); break;
                    case STALL_NANOS: stallNanos = nonNegative(); break;
                    case LONGEST: longest = stretches(); break;
                    default: throw FALLBACK;
                }
            } while (nextMember());
        }
        requireAll(seen, LOOP_REQUIRED);
        return new LoopTime(thread, registeredAt, registeredNanos, busyNanos, blockedNanos, stallNanos, longest);
    }

    private List<BlockedStretch> stretches() throws Fallback {
        open('[');
        List<BlockedStretch> stretches = new ArrayList<>();
        if (!emptyArray()) {
            do {
                whitespace();
                stretches.add(stretch());
            } while (nextElement());
        }
        return stretches;
    }

    private BlockedStretch stretch() throws Fallback {
        open('{');
        String category = null;
        String site = null;
        Instant start = null;
        long nanos = 0;
        long seen = 0;
        if (!emptyObject()) {
            do {
                Member member = member(DataFileSchema.STRETCH, seen);
                seen |= member.bit();
                switch (member) {
                    case STRETCH_CATEGORY: category = category(); break;
                    case STRETCH_SITE: site = string(); break;
                    case STRETCH_START: start = instant(); break;
                    case STRETCH_NANOS: nanos = nonNegative(); break;
                    default: throw FALLBACK;
                }
            } while (nextMember());
        }
        requireAll(seen, STRETCH_REQUIRED);
        return new BlockedStretch(category, site, start, nanos);
    }

    /** An object from category id to non-negative nanoseconds; unknown or repeated categories: {@link Fallback}. */
    private Map<String, Long> nanosByCategory() throws Fallback {
        open('{');
        Map<String, Long> nanos = new HashMap<>();
        if (!emptyObject()) {
            do {
                key();
                String id = null;
                for (int i = 0; i < CATEGORIES.length && id == null; i++) {
                    byte[] name = CATEGORY_IDS[i];
                    if (keyLength == name.length && Arrays.equals(b, keyStart, keyStart + keyLength, name, 0, name.length)) {
                        id = CATEGORIES[i].id();
                    }
                }
                if (id == null || nanos.put(id, nonNegative()) != null) {
                    throw FALLBACK;
                }
            } while (nextMember());
        }
        return nanos;
    }

    /**
     * Reads a member name and ':', and returns which of {@code members} it is. Unknown and repeated members are not
     * the agent's output: {@link Fallback} (the tree binder ignores unknown ones and refuses repeated ones).
     */
    private Member member(Member[] members, long seen) throws Fallback {
        key();
        for (Member m : members) {
            byte[] name = m.bytes;
            int n = name.length;
            if (keyLength == n && Arrays.equals(b, keyStart, keyStart + n, name, 0, n)) {
                if ((seen & m.bit()) != 0) {
                    throw FALLBACK;
                }
                return m;
            }
        }
        throw FALLBACK;
    }

    /** Throws {@link Fallback} unless every required member was {@code seen}. */
    private static void requireAll(long seen, long required) throws Fallback {
        if ((seen & required) != required) {
            throw FALLBACK;
        }
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

    private Instant nullableInstant() throws Fallback {
        if (pos + 4 <= end && b[pos] == 'n' && b[pos + 1] == 'u' && b[pos + 2] == 'l' && b[pos + 3] == 'l') {
            pos += 4;
            return null;
        }
        return instant();
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
