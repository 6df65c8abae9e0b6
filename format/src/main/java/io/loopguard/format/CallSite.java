package io.loopguard.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * @param tests          the tests during which the call occurred ({@code Class#method()}), at most {@link #MAX_TESTS},
 *                       in order of first occurrence; empty when no test listener ran (an optional, compatible
 *                       extension of the contract)
 * @param allowedBy      the framework allowance that matched, e.g.
 *                       {@code netty: io.netty.handler.ssl.SslHandler#handshake}: the call is allowed by a curated
 *                       framework policy, recorded and counted but never a violation; {@code null} for an ordinary
 *                       call site (an optional, compatible extension of the contract)
 * @param histogram      how the calls' durations were distributed ({@link DurationHistogram}), for percentiles;
 *                       {@code null} when unknown (a file of an earlier agent; an optional, compatible extension of
 *                       the contract)
 */
public record CallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                       long count, long totalNanos, long minNanos, long maxNanos,
                       Instant firstSeen, Instant lastSeen, List<Frame> stack, List<String> tests, String allowedBy,
                       DurationHistogram histogram) {

    /**
     * The cap on {@code detail} (8 KiB of characters), applied when the agent writes a call site and when a reader
     * reads one: a 200 MB detail must not become 400 MB of SARIF and JUnit XML.
     */
    public static final int MAX_DETAIL = 8192;
    /** What a cut {@code detail} ends with. */
    public static final String TRUNCATED = "\u2026 [truncated]";

    /** The bound on {@link #tests} per call site (a helper called by every test of a suite names the first ones). */
    public static final int MAX_TESTS = 32;

    public CallSite {
        detail = capDetail(detail);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(blockingMethod, "blockingMethod");
        threads = List.copyOf(Objects.requireNonNull(threads, "threads"));
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        stack = List.copyOf(Objects.requireNonNull(stack, "stack"));
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** A call site without a histogram of its durations. */
    public CallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                    long count, long totalNanos, long minNanos, long maxNanos,
                    Instant firstSeen, Instant lastSeen, List<Frame> stack, List<String> tests, String allowedBy) {
        this(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos, firstSeen, lastSeen,
                stack, tests, allowedBy, null);
    }

    /** An ordinary call site (no framework allowance matched). */
    public CallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                    long count, long totalNanos, long minNanos, long maxNanos,
                    Instant firstSeen, Instant lastSeen, List<Frame> stack, List<String> tests) {
        this(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos, firstSeen, lastSeen,
                stack, tests, null);
    }

    /** Whether a framework allowance matched: recorded and counted, never a violation. */
    public boolean isAllowed() {
        return allowedBy != null;
    }

    /** This site as allowed by {@code allowance} (see {@link #allowedBy}). */
    public CallSite withAllowedBy(String allowance) {
        return new CallSite(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos,
                firstSeen, lastSeen, stack, tests, allowance, histogram);
    }

    /** This site with {@code durations} as its {@link #histogram}. */
    public CallSite withHistogram(DurationHistogram durations) {
        return new CallSite(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos,
                firstSeen, lastSeen, stack, tests, allowedBy, durations);
    }

    /**
     * The duration below which a share {@code q} (0.5 for the median, 0.99 for p99) of the calls fell, from the
     * {@link #histogram} (within 25 %, kept within min and max); for a single call its duration; -1 when there is no
     * histogram.
     */
    public long percentileNanos(double q) {
        if (count == 1 || minNanos == maxNanos) {
            return maxNanos;
        }
        return histogram == null ? -1 : histogram.percentile(q, minNanos, maxNanos);
    }

    /** A call site without test names (no test listener ran). */
    public CallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                    long count, long totalNanos, long minNanos, long maxNanos,
                    Instant firstSeen, Instant lastSeen, List<Frame> stack) {
        this(id, category, blockingMethod, detail, threads, count, totalNanos, minNanos, maxNanos, firstSeen, lastSeen,
                stack, List.of());
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

    /**
     * The one order of call sites everywhere (the agent's data file, merged reports, check output): most time blocked
     * first, the id breaking ties so that output is deterministic and diffs well. A named class, not
     * {@code Comparator.comparingLong(...)}: a lambda would bootstrap {@code LambdaMetafactory}, tens of milliseconds
     * in the cold JVM where the agent writes its data file and {@code index.html} at exit.
     */
    public static final Comparator<CallSite> MOST_BLOCKED_FIRST = new Comparator<CallSite>() {
        @Override
        public int compare(CallSite a, CallSite b) {
            int byTime = Long.compare(b.totalNanos(), a.totalNanos());
            return byTime != 0 ? byTime : a.id().compareTo(b.id());
        }
    };

    /**
     * Two observations of the same call site (same {@link #id}) as one: counts and times add up, min/max and
     * first/last seen widen, thread names and test names unite in order of appearance (tests up to
     * {@link #MAX_TESTS}), the first known detail, this stack and the first known {@link #allowedBy} are kept. The
     * histograms add up when both have one; when one lacks it (an earlier agent's file) the merge has none, since
     * percentiles of a part of the calls would mislead. The agent merges overloads of one API seen from one stack with
     * it, the reports merge data files with it.
     */
    public CallSite mergedWith(CallSite other) {
        return new CallSite(id, category, blockingMethod, detail != null ? detail : other.detail,
                union(threads, other.threads, Integer.MAX_VALUE), count + other.count, totalNanos + other.totalNanos,
                Math.min(minNanos, other.minNanos), Math.max(maxNanos, other.maxNanos),
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen, stack,
                union(tests, other.tests, MAX_TESTS), allowedBy != null ? allowedBy : other.allowedBy,
                histogram == null || other.histogram == null ? null : histogram.plus(other.histogram));
    }

    private static List<String> union(List<String> first, List<String> second, int max) {
        if (second.isEmpty()) {
            return first;
        }
        List<String> names = new ArrayList<>(first);
        for (String name : second) {
            if (names.size() >= max) {
                break;
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
