package io.loopguard.agent.record;


import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import io.loopguard.BlockingCallError;
import io.loopguard.agent.catalogue.Site;
import io.loopguard.agent.events.BlockingCallEvents;
import io.loopguard.agent.catalogue.JdkFrames;
import io.loopguard.agent.catalogue.SiteTable;
import io.loopguard.agent.catalogue.SqlRegistry;
import io.loopguard.format.CallSite;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;
import io.loopguard.runtime.CallSiteSnapshot;
import io.loopguard.runtime.SiteFlags;

/**
 * The agent side of a blocking call on an event-loop thread: the runtime calls {@link #record} when the outermost
 * instrumented call ends (and {@link #check} before it starts, in {@code mode=throw}).
 *
 * <p>Runs on the event-loop thread itself, under the runtime's call-depth guard. It never prints: in
 * {@code mode=log} the line for a new call site is queued and printed by the agent's own thread.
 */
public final class Recorder {
    private final SiteTable sites;
    private final CallSiteTable table;
    private final long thresholdNanos;
    private final boolean log;
    private final Queue<String> logLines = new ConcurrentLinkedQueue<>();
    private final RunningTests tests = new RunningTests();
    private final ThreadTimes threadTimes = new ThreadTimes();
    private volatile Thread printer;
    /** The thread an agent thread (watchdog) records for, named in its log line. */
    private final ThreadLocal<String> onBehalfOf = new ThreadLocal<>();
    private volatile boolean dirty;
    /** False for good once {@code jdk.jfr} turned out not to link (a trimmed runtime image): no events, no retries. */
    private volatile boolean events = true;
    /** Backtrace key → aggregate, bounded by {@link #maxSeen}: several keys may lead to one site (finer keys). */
    private final Map<Long, CallSiteAggregate> seen = new ConcurrentHashMap<>();
    private final int maxSeen;
    private volatile BacktraceKey backtraceKeys;
    /** Slots of {@link #lastCalls}, by woven method (site index); a power of two. */
    private static final int LAST_CALLS = 1024;
    private final LastCall[] lastCalls = new LastCall[LAST_CALLS];

    public Recorder(SiteTable sites, SqlRegistry sql, List<String> allow, long thresholdNanos, int maxSites, boolean log) {
        this(sites, sql, allow, thresholdNanos, maxSites, log, 0);
    }

    /** @param newSitesPerSecond the bound on new call sites made per second ({@code newSitesPerSecond}), 0: none */
    public Recorder(SiteTable sites, SqlRegistry sql, List<String> allow, long thresholdNanos, int maxSites, boolean log,
                    int newSitesPerSecond) {
        this.sites = sites;
        this.thresholdNanos = thresholdNanos;
        this.log = log;
        this.maxSeen = (int) Math.min(Integer.MAX_VALUE, 4L * maxSites);
        this.table = new CallSiteTable(maxSites, new AllowList(allow), new DetailFormatter(sql), this,
                new NewSiteBudget(newSitesPerSecond));
    }

    /** {@code deny}: frames inside which a call is not allowed again (innermost decides); set before recording. */
    public void deny(List<String> patterns) {
        table.allowList().deny(patterns);
    }

    /** {@code console=allow|report}: whether writes to System.out/System.err are allowed; set before recording. */
    public void consoleAllowed(boolean allowed) {
        table.allowList().consoleAllowed(allowed);
    }

    /**
     * Target of the runtime's recorder handle: {@code (Thread, int, Object, long, long, Throwable) void}.
     *
     * @param stack made by the runtime on the call's own stack (the runtime's and recorder's frames on top are dropped)
     */
    public void record(Thread thread, int siteNumber, Object context, long startNanos, long endNanos, Throwable stack) {
        long nanos = endNanos - startNanos;
        Site site = sites.get(siteNumber);
        if (nanos < thresholdNanos || site == null) {
            return;
        }
        CallSiteAggregate aggregate = lookup(site, siteNumber, context, stack);
        if (aggregate != null && !aggregate.allowed) {
            String threadName = thread.getName();
            aggregate.add(threadName, nanos, endNanos, tests.current());
            threadTimes.add(threadName, site.category(), nanos, aggregate.id, startNanos);
            dirty = true;
            if (aggregate.allowedBy == null) { // no event for a call a framework allows: a recording's check counts events
                event(aggregate, threadName, startNanos, nanos);
            }
        }
    }

    /**
     * The call's aggregate. The repeated-site path: the runtime's {@code new Throwable()} (the VM's stack walk,
     * unresolved), its backtrace compared with the last call's of the same woven method ({@link #lastCalls}: a loop
     * that repeats a call site matches there), else hashed ({@link BacktraceKey}) and looked up in {@link #seen}; only
     * on a miss is the stack resolved into frames and the site found or made by the {@link CallSiteTable}, which alone
     * decides what a call site is (these caches only remember its answers, allowed sites included). Every call still
     * reaches {@link CallSiteAggregate#add}: count, total, min and max stay exact. Measured in bench/results.md
     * ({@code RecordingBenchmark}).
     */
    private CallSiteAggregate lookup(Site site, int siteNumber, Object context, Throwable here) {
        BacktraceKey keys = backtraceKeys;
        if (keys == null) {
            return table.lookup(site, context, StackCapture.capture(here));
        }
        int slot = SiteFlags.index(siteNumber) & (LAST_CALLS - 1);
        Object backtrace;
        long key;
        try {
            backtrace = keys.backtraceOf(here);
            LastCall last = lastCalls[slot];
            if (last != null && last.siteNumber == siteNumber && BacktraceKey.same(last.backtrace.get(), backtrace)) {
                return last.aggregate;
            }
            key = keys.of(backtrace, siteNumber);
        } catch (RuntimeException e) { // a VM whose backtrace is not what BacktraceKey expects: the slow path only
            backtraceKeys = null;
            return table.lookup(site, context, StackCapture.capture(here));
        }
        CallSiteAggregate aggregate = key == BacktraceKey.NONE ? null : seen.get(key);
        if (aggregate == null) {
            aggregate = table.lookup(site, context, StackCapture.capture(here));
            if (aggregate != null && key != BacktraceKey.NONE && seen.size() < maxSeen) {
                seen.putIfAbsent(key, aggregate);
            }
        }
        if (aggregate != null && key != BacktraceKey.NONE) {
            lastCalls[slot] = new LastCall(siteNumber, backtrace, aggregate);
        }
        return aggregate;
    }

    /**
     * The last recorded call of one woven method: its backtrace and aggregate. Immutable, so a loop thread that reads
     * another's entry (a racy plain array read) sees it whole. The backtrace is held weakly: it holds the mirrors of
     * the classes on the stack, and a cache entry must not keep an unloaded class loader alive (a redeployed
     * application, a test framework's per-test loader); a collected one is simply a miss.
     */
    private static final class LastCall {
        final int siteNumber;
        final WeakReference<Object> backtrace;
        final CallSiteAggregate aggregate;

        LastCall(int siteNumber, Object backtrace, CallSiteAggregate aggregate) {
            this.siteNumber = siteNumber;
            this.backtrace = new WeakReference<>(backtrace);
            this.aggregate = aggregate;
        }
    }

    /**
     * Turns on the repeated-site cache with the runtime's handle on {@code Throwable.backtrace} (null leaves it off:
     * every call resolves its stack, as before).
     */
    public void useBacktraceKeys(java.lang.invoke.VarHandle backtrace) {
        backtraceKeys = backtrace == null ? null : new BacktraceKey(backtrace);
    }

    /**
     * The call as a JFR event {@code io.loopguard.BlockingCall}, when a recording wants it. Committed here, in the
     * agent's class loader after the call ended, not in the runtime: the runtime lives in {@code java.base}, which
     * cannot read the {@code jdk.jfr} module, and timing the event around the call would cost every call.
     */
    private void event(CallSiteAggregate aggregate, String threadName, long startNanos, long nanos) {
        if (!events) {
            return;
        }
        try {
            if (BlockingCallEvents.enabled()) {
                BlockingCallEvents.commit(aggregate.category, aggregate.blockingMethod, aggregate.detail, threadName,
                        aggregate.id, aggregate.stackText(), startNanos, nanos);
            }
        } catch (LinkageError e) {
            events = false;
        }
    }

    /**
     * A blocking call the JVM timed itself and reported through JFR (a contended monitor entry, a virtual thread
     * pinned while it blocked), known to have happened on a registered thread. Runs on the agent's JFR thread, never
     * on a loop; goes through the same threshold, allow list and site table as a woven call.
     *
     * @param frames     the event's stack, the frame that blocked first
     * @param startNanos when the call started, on {@code System.nanoTime()}'s clock
     */
    public void recordTimed(String threadName, Category category, String blockingMethod, String detail,
                            StackTraceElement[] frames, long startNanos, long nanos) {
        if (nanos < thresholdNanos) {
            return;
        }
        Site site = sites.get(sites.timedByJvm(category, blockingMethod));
        CallSiteAggregate aggregate = table.lookup(site, detail, frames);
        if (aggregate != null && !aggregate.allowed) {
            aggregate.add(threadName, nanos, startNanos + nanos, tests.current());
            threadTimes.add(threadName, category, nanos, aggregate.id, startNanos);
            dirty = true;
            if (aggregate.allowedBy == null) {
                timedEvent(aggregate, threadName, startNanos, nanos);
            }
        }
    }

    /** {@link #event}, committed by the agent's relay thread: JFR records nothing from its stream's own thread. */
    private void timedEvent(CallSiteAggregate aggregate, String threadName, long startNanos, long nanos) {
        if (!events) {
            return;
        }
        try {
            if (BlockingCallEvents.enabled()) {
                BlockingCallEvents.commitFromAnotherThread(aggregate.category, aggregate.blockingMethod,
                        aggregate.detail, threadName, aggregate.id, aggregate.stackText(), startNanos, nanos);
            }
        } catch (LinkageError e) {
            events = false;
        }
    }

    /**
     * A stall the watchdog observed on a registered thread: {@code frames} is the stack sampled most often during the
     * busy stretch, from the busy code's entry down; {@code busiestFrame} the frame its samples caught on top most
     * often (the stall's detail); {@code nanos} the stretch (less what a stall leaves out), which started at
     * {@code startNanos} on {@code System.nanoTime()}'s clock. Runs on the watchdog's thread.
     */
    public void recordStall(String threadName, StackTraceElement[] frames, String busiestFrame, long startNanos,
                            long nanos) {
        StackTraceElement[] stack = StackCapture.belowAgent(frames);
        if (stack.length == 0) {
            return;
        }
        String blockingMethod = stack[0].getClassName() + "." + stack[0].getMethodName();
        onBehalfOf.set(threadName);
        try {
            recordTimed(threadName, Category.STALL, blockingMethod, busiestFrame, stack, startNanos, nanos);
        } finally {
            onBehalfOf.remove();
        }
    }

    /**
     * Target of the runtime's checker handle in {@code mode=throw}: the error to throw before the call starts, or
     * null when it may run (allowed, or a lock/future/queue that would not block now).
     */
    public Error check(Thread thread, int siteNumber, Object context) {
        Site site = sites.get(siteNumber);
        if (site == null || (isConditional(siteNumber) && !site.family().wouldBlock(site, context))) {
            return null;
        }
        StackTraceElement[] frames = StackCapture.capture();
        if (calledByJdk(site, frames)) {
            return null; // throwing inside JDK machinery (an executor's exit, a PrintStream) corrupts its state
        }
        CallSiteAggregate aggregate = table.lookup(site, context, frames);
        if (aggregate != null && (aggregate.allowed || aggregate.allowedBy != null)) {
            return null; // a framework's allowance: it runs, and is recorded as allowed when it ends
        }
        if (aggregate != null) {
            aggregate.add(thread.getName(), 0L, System.nanoTime(), tests.current()); // rejected before it ran: counted, no time blocked
            dirty = true;
        }
        List<Frame> stack = aggregate != null ? aggregate.stack : StackCapture.toFrames(site, frames);
        BlockingCallError error = new BlockingCallError("Blocking " + site.category().id() + " call " + site.blockingMethod()
                + " on event-loop thread " + thread.getName() + " [loopguard mode=throw]");
        error.setStackTrace(StackCapture.toStackTrace(stack));
        return error;
    }

    /**
     * Whether the blocking API was called by JDK code rather than by the application or a library: only the
     * application's own call is the "public API boundary" where an error can be thrown safely.
     */
    private static boolean calledByJdk(Site site, StackTraceElement[] frames) {
        int caller = 0;
        if (site.syntheticFrame() == null) { // a rewritten native's caller is the first real frame; otherwise skip the
            String api = frames.length > 0 ? frames[0].getClassName() : ""; // API's own frames (FileOutputStream.<init> → open)
            while (caller < frames.length && frames[caller].getClassName().equals(api)) {
                caller++;
            }
        }
        if (frames.length <= caller) {
            return false;
        }
        return JdkFrames.isJdk(frames[caller].getClassName());
    }

    private static boolean isConditional(int site) {
        return (site & SiteFlags.CONDITIONAL) != 0;
    }

    public List<CallSite> callSites() {
        return table.snapshot();
    }

    /**
     * Target of the runtime's snapshot handle, for {@code LoopGuard.recordedCallSites()}: the reported call sites in
     * the shape {@link CallSiteSnapshot} documents (JDK types, because the API may live in another class loader).
     */
    public Object snapshot() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CallSite site : table.snapshot()) {
            if (site.isAllowed()) {
                continue; // allowed by a framework's policy: never a test's violation
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put(CallSiteSnapshot.ID, site.id());
            map.put(CallSiteSnapshot.CATEGORY, site.category());
            map.put(CallSiteSnapshot.BLOCKING_METHOD, site.blockingMethod());
            map.put(CallSiteSnapshot.DETAIL, site.detail());
            map.put(CallSiteSnapshot.THREADS, site.threads());
            map.put(CallSiteSnapshot.COUNT, site.count());
            map.put(CallSiteSnapshot.TOTAL_NANOS, site.totalNanos());
            map.put(CallSiteSnapshot.MAX_NANOS, site.maxNanos());
            List<String> stack = new ArrayList<>();
            for (Frame f : site.stack()) {
                stack.add(new StackTraceElement(f.className(), f.methodName(), f.fileName(), f.lineNumber()).toString());
            }
            map.put(CallSiteSnapshot.STACK, stack);
            map.put(CallSiteSnapshot.TESTS, site.tests());
            out.add(map);
        }
        return out;
    }

    /** Time in recorded calls and stalls per thread and category, for the data file's loop time. */
    public ThreadTimes threadTimes() {
        return threadTimes;
    }

    /** The tests running in this JVM, as the test framework reports them (the runtime's test handle). */
    public RunningTests tests() {
        return tests;
    }

    public long droppedCalls() {
        return table.droppedCalls();
    }

    /** Whether anything was recorded since the last call (the periodic flush skips unchanged data). */
    public boolean takeDirty() {
        boolean was = dirty;
        dirty = false;
        return was;
    }

    /** Log lines of new call sites ({@code mode=log}), drained by the agent's thread. */
    public String pollLogLine() {
        return logLines.poll();
    }

    /** The thread that prints log lines; it is unparked when one is queued. */
    public void onLogLine(Thread printer) {
        this.printer = printer;
    }

    /** Called once per new reported call site. */
    void newSite(CallSiteAggregate site) {
        if (!log) {
            return;
        }
        String on = onBehalfOf.get();
        boolean stall = Category.STALL.id().equals(site.category);
        StringBuilder line = stall
                ? new StringBuilder("stall in ").append(site.blockingMethod)
                : new StringBuilder("blocking ").append(site.category).append(" call ").append(site.blockingMethod);
        line.append(" on ").append(on != null ? on : Thread.currentThread().getName());
        if (site.detail != null) {
            line.append(stall ? " (busiest frame: " : " (").append(site.detail).append(')');
        }
        for (int i = 0; i < Math.min(4, site.stack.size()); i++) {
            Frame f = site.stack.get(i);
            line.append(i == 0 ? " at " : " <- ")
                    .append(new StackTraceElement(f.className(), f.methodName(), f.fileName(), f.lineNumber()));
        }
        logLines.add(line.toString());
        Thread wake = printer;
        if (wake != null) {
            LockSupport.unpark(wake);
        }
    }
}
