package io.loopguard;

import io.loopguard.runtime.CallSiteSnapshot;
import java.util.List;
import java.util.Map;

/**
 * One blocking call site recorded on an event-loop thread, as {@link LoopGuard#recordedCallSites()} reports it
 * (the same facts the agent writes to its data file).
 *
 * @param id             stable fingerprint of category, blocking method and stack (the data file's {@code id})
 * @param category       {@code sleep}, {@code file}, {@code jdbc}, ... as in the data file
 * @param blockingMethod the public API that was called, e.g. {@code java.nio.file.Files.readAllBytes}
 * @param detail         path, {@code host:port}, host name or masked SQL, or null
 * @param threads        names of the event-loop threads it ran on
 * @param count          number of calls
 * @param totalNanos     time blocked by all of them
 * @param maxNanos       the longest one
 * @param stack          frames as {@link StackTraceElement#toString()}, the blocking method first
 * @param tests          the tests during which it occurred (see {@link LoopGuard#testStarted(String)}); empty when no
 *                       test listener ran
 */
public record RecordedCallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                               long count, long totalNanos, long maxNanos, List<String> stack, List<String> tests) {

    public RecordedCallSite {
        threads = threads == null ? List.of() : List.copyOf(threads);
        stack = stack == null ? List.of() : List.copyOf(stack);
        tests = tests == null ? List.of() : List.copyOf(tests);
    }

    /** A call site without test names (as an agent without a test listener reports it). */
    public RecordedCallSite(String id, String category, String blockingMethod, String detail, List<String> threads,
                            long count, long totalNanos, long maxNanos, List<String> stack) {
        this(id, category, blockingMethod, detail, threads, count, totalNanos, maxNanos, stack, List.of());
    }

    /** One entry of the agent's snapshot, in the shape {@link CallSiteSnapshot} documents (inlined constants only). */
    static RecordedCallSite fromMap(Map<?, ?> map) {
        return new RecordedCallSite(string(map.get(CallSiteSnapshot.ID)), string(map.get(CallSiteSnapshot.CATEGORY)),
                string(map.get(CallSiteSnapshot.BLOCKING_METHOD)), string(map.get(CallSiteSnapshot.DETAIL)),
                strings(map.get(CallSiteSnapshot.THREADS)), number(map.get(CallSiteSnapshot.COUNT)),
                number(map.get(CallSiteSnapshot.TOTAL_NANOS)), number(map.get(CallSiteSnapshot.MAX_NANOS)),
                strings(map.get(CallSiteSnapshot.STACK)), strings(map.get(CallSiteSnapshot.TESTS)));
    }

    private static String string(Object value) {
        return value instanceof String ? (String) value : null;
    }

    private static List<String> strings(Object value) {
        if (!(value instanceof List)) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object item : (List<?>) value) {
            out.add(String.valueOf(item));
        }
        return List.copyOf(out);
    }

    private static long number(Object value) {
        return value instanceof Number ? ((Number) value).longValue() : 0L;
    }
}
