package io.loopguard.format;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One blocking call site: a (category, blocking method, stack) and what was measured there.
 *
 * @param id             stable fingerprint, see {@link CallSiteId#of}
 * @param category       a {@link Category#id()}, e.g. {@code jdbc}
 * @param blockingMethod the public API the application called, e.g. {@code java.sql.Statement.executeQuery}
 * @param detail         file path, {@code host:port}, host name or masked SQL; {@code null} when unknown; at most
 *                       {@link #MAX_DETAIL} characters (longer text is cut and ends with {@link #TRUNCATED})
 * @param threads        names of the event-loop threads the call was made on
 * @param count          number of calls
 * @param totalNanos     total time blocked
 * @param minNanos       shortest call
 * @param maxNanos       longest call
 * @param firstSeen      first call
 * @param lastSeen       last call
 * @param stack          {@code stack[0]} is the outermost instrumented blocking method, then its callers, innermost
 *                       first
 */
public record CallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                       long count, long totalNanos, long minNanos, long maxNanos,
                       Instant firstSeen, Instant lastSeen, List<Frame> stack) {

    /**
     * The cap on {@code detail} (8 KiB of characters), applied when the agent writes a call site and when a reader
     * reads one: a 200 MB detail must not become 400 MB of SARIF and JUnit XML.
     */
    public static final int MAX_DETAIL = 8192;
    /** What a cut {@code detail} ends with. */
    public static final String TRUNCATED = "\u2026 [truncated]";

    public CallSite {
        detail = capDetail(detail);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(blockingMethod, "blockingMethod");
        threads = List.copyOf(Objects.requireNonNull(threads, "threads"));
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        stack = List.copyOf(Objects.requireNonNull(stack, "stack"));
    }

    /** {@code detail} cut to {@link #MAX_DETAIL} characters plus {@link #TRUNCATED}, never inside a surrogate pair. */
    public static String capDetail(String detail) {
        if (detail == null || detail.length() <= MAX_DETAIL) {
            return detail;
        }
        int end = MAX_DETAIL;
        if (Character.isHighSurrogate(detail.charAt(end - 1)) && Character.isLowSurrogate(detail.charAt(end))) {
            end--;
        }
        return detail.substring(0, end) + TRUNCATED;
    }
}
