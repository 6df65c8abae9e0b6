package io.loopguard.runtime;

/**
 * The documented shape of {@link Hooks#callSites()}, the second contract beside the data file: what the agent hands
 * to {@code io.loopguard.LoopGuard.recordedCallSites()} (and so to the JUnit extension) inside a running JVM.
 *
 * <p>The value is a {@code java.util.List} of {@code java.util.Map<String, Object>}, one map per reported call site,
 * most time blocked first. JDK types only, because the API jar lives in the application's class loader and the
 * agent in the system one: they share no class but the JDK's. The keys and their value types:
 * <ul>
 *   <li>{@link #ID}, {@link #CATEGORY}, {@link #BLOCKING_METHOD}: {@code String}, as in the data file;</li>
 *   <li>{@link #DETAIL}: {@code String} or {@code null};</li>
 *   <li>{@link #THREADS}: {@code List<String>}, the event-loop thread names;</li>
 *   <li>{@link #COUNT}, {@link #TOTAL_NANOS}, {@link #MAX_NANOS}: {@code Long};</li>
 *   <li>{@link #STACK}: {@code List<String>}, frames as {@code StackTraceElement.toString()}, blocking method
 *       first;</li>
 *   <li>{@link #TESTS}: {@code List<String>}, the tests during which the call occurred (empty without a test
 *       listener).</li>
 * </ul>
 * A reader ignores keys it does not know and treats a missing or mistyped value as empty, so agent and API of
 * different versions still work together.
 *
 * <p>Only compile-time constants live here: javac inlines them into the agent and the API, so this class is never
 * loaded at run time and the API jar stays dependency-free.
 */
public final class CallSiteSnapshot {
    public static final String ID = "id";
    public static final String CATEGORY = "category";
    public static final String BLOCKING_METHOD = "blockingMethod";
    public static final String DETAIL = "detail";
    public static final String THREADS = "threads";
    public static final String COUNT = "count";
    public static final String TOTAL_NANOS = "totalNanos";
    public static final String MAX_NANOS = "maxNanos";
    public static final String STACK = "stack";
    public static final String TESTS = "tests";

    private CallSiteSnapshot() {
    }
}
