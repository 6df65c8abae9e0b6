package io.loopguard.agent.jfr;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.loopguard.agent.Stderr;
import io.loopguard.agent.events.BlockingCallEvents;
import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.record.Recorder;
import io.loopguard.agent.weave.WovenMethods;
import io.loopguard.format.Category;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Reads the blocking that the JVM times itself from an in-process JFR {@link RecordingStream} and hands what
 * happened on registered threads to the {@link Recorder}:
 * <ul>
 *   <li>{@code jdk.JavaMonitorEnter} → {@code monitor}: a contended {@code synchronized} entry (uncontended entries
 *       produce no event at all), on JDK 17 and 25, with no JVM flag; a wait for the JVM's class-linking lock is
 *       left out ({@link ClassInitLock});</li>
 *   <li>{@code jdk.VirtualThreadPinned} → {@code pinning}: a virtual thread that blocked while pinned to its carrier
 *       (JDK 21+; absent on 17).</li>
 * </ul>
 *
 * <p>Costs, and why they are paid where they are: the stream takes about 0.4 s to start and keeps a JFR repository,
 * so it starts on this class's own daemon thread, only once the first event-loop thread is registered (a JVM that
 * never registers a loop never loads {@code jdk.jfr}), never on start-up and never on a loop thread. JFR cannot
 * filter by thread at the source: every contended entry above the threshold in the whole JVM becomes an event with a
 * stack, so the threshold has a floor ({@link #FLOOR_NANOS}) even when the agent's {@code threshold} is 0.
 *
 * <p>Delivery is batched, about once a second (a non-goal of JEP 349 is synchronous delivery). {@link #catchUp()}
 * commits a {@link CatchUpMarker} and waits until the stream has delivered it; the final data file and
 * {@code LoopGuard.recordedCallSites()} (the JUnit extension's per-test verdict) wait for it, so late events are not
 * lost. Nothing here ever throws into the application: a failure prints one line and turns this source off.
 */
public final class JfrSource implements Runnable {
    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String VIRTUAL_THREAD_PINNED = "jdk.VirtualThreadPinned";
    /**
     * The lowest JFR threshold used. Below it, contention elsewhere in the JVM (worker pools hammering a lock) would
     * pay a stack trace per contended entry; 1 ms is far below anything that stalls a loop noticeably and, measured
     * with the contention benchmark (bench/results.md), costs nothing visible on unregistered threads.
     */
    static final long FLOOR_NANOS = 1_000_000L;
    /** How long {@link #catchUp()} waits for its marker: a few JFR flush periods (one second each). */
    private static final long CATCH_UP_NANOS = 5_000_000_000L;

    private final Recorder recorder;
    private final WovenMethods woven;
    private final RuntimeBridge runtime;
    private final long thresholdNanos;
    private final boolean pinningEverywhere;
    private final Object progress = new Object();
    private long markersSent;
    private long markersSeen;
    private volatile RecordingStream stream;
    private volatile boolean starting;
    private volatile boolean closed;
    /** Set by {@link #close()} under {@link #progress}: no stream opens after it. */
    private boolean closing;

    private JfrSource(Recorder recorder, RuntimeBridge runtime, long thresholdNanos, boolean pinningEverywhere,
                      WovenMethods woven) {
        this.woven = woven;
        this.recorder = recorder;
        this.runtime = runtime;
        this.thresholdNanos = Math.max(thresholdNanos, FLOOR_NANOS);
        this.pinningEverywhere = pinningEverywhere;
    }

    /**
     * Starts the waiting thread; the stream itself starts at the first registration.
     *
     * @param pinningEverywhere record pinned virtual threads whether registered or not (on a Loom server the carrier
     *                          pool is the event loop)
     * @param woven             the methods woven so far and from now on: a monitor inside one of them is part of that
     *                          call ({@link WovenMethods})
     */
    public static JfrSource start(Recorder recorder, RuntimeBridge runtime, long thresholdNanos, boolean pinningEverywhere,
                                  WovenMethods woven) {
        JfrSource source = new JfrSource(recorder, runtime, thresholdNanos, pinningEverywhere, woven);
        Thread thread = new Thread(source, "loopguard-jfr");
        thread.setDaemon(true);
        thread.start();
        return source;
    }

    @Override
    public void run() {
        try {
            if (!pinningEverywhere) {
                runtime.awaitFirstRegistration();
            }
            synchronized (progress) {
                if (closing || closed) {
                    return; // the JVM began to exit first: JFR is never initialized
                }
                starting = true;
            }
            open();
        } catch (InterruptedException e) {
            // JVM exit
        } catch (IllegalStateException e) {
            // "Shutdown in progress": the first loop registered as the JVM began to exit, and JFR (which adds a
            // shutdown hook of its own) refuses to start a recording then. Nothing is lost: the JVM is ending.
            streamClosed();
        } catch (Throwable e) {
            streamClosed();
            Stderr.line("cannot read JFR events, contended monitors and pinned virtual threads are not recorded: " + e);
        }
    }

    /** Opens the stream and reads it on this thread until it is closed. */
    private void open() {
        BlockingCallEvents.ignoreOwnStream(CatchUpMarker.NAME);
        RecordingStream rs = new RecordingStream();
        Duration threshold = Duration.ofNanos(thresholdNanos);
        rs.enable(MONITOR_ENTER).withThreshold(threshold).withStackTrace();
        rs.onEvent(MONITOR_ENTER, new OnEvent(this, Category.MONITOR));
        if (Runtime.version().feature() >= 21) { // the event exists from JDK 21 (JEP 444); absent on 17
            rs.enable(VIRTUAL_THREAD_PINNED).withThreshold(threshold).withStackTrace();
            rs.onEvent(VIRTUAL_THREAD_PINNED, new OnEvent(this, Category.PINNING));
        }
        // The agent's own io.loopguard.BlockingCall: this stream has no handler for it and must not mention it in
        // its settings (that would override a user's default recording); the recorder skips it when only this
        // stream would record it, and knows this stream by its catch-up marker (BlockingCallEvents.ignoreOwnStream).
        rs.enable(CatchUpMarker.NAME); // by name: the setting's key is then the name that RecordingWatch looks for
        rs.onEvent(CatchUpMarker.NAME, new OnEvent(this, null));
        rs.onClose(new OnClose(this));
        synchronized (progress) {
            stream = rs;
            progress.notifyAll();
        }
        // On this daemon thread, not startAsync(): the stream's own thread is not a daemon, and a JVM whose
        // non-daemon threads never end never runs its shutdown hooks (ours closes the stream there).
        rs.start();
    }

    /** One event of the stream, on the stream's own thread. */
    void onEvent(RecordedEvent event, Category category) {
        if (category == null) {
            synchronized (progress) {
                markersSeen = Math.max(markersSeen, event.getLong("sequence"));
                progress.notifyAll();
            }
            return;
        }
        RecordedThread thread = event.getThread("eventThread");
        if (thread == null || !(isRegistered(thread, event) || category == Category.PINNING && pinningEverywhere)) {
            return;
        }
        if (category == Category.MONITOR && ClassInitLock.isWaitFor(event, runtime)) {
            return; // the JVM linking a class another thread needs too: warm-up, like class loading
        }
        StackTraceElement[] frames = category == Category.PINNING
                ? PinnedStacks.fromBlockingCall(JfrFrames.of(event.getStackTrace()))
                : JfrFrames.of(event.getStackTrace());
        if (frames.length == 0 || JfrFrames.hasAgentFrame(frames)) {
            return;
        }
        if (category == Category.MONITOR && woven.enclose(frames)) {
            return; // inside a blocking call (a driver's lock in its query): that call's time already holds the wait
        }
        String blockingMethod = frames[0].getClassName() + "." + frames[0].getMethodName();
        // JFR delivers about a second late: the start on nanoTime's clock is now minus the time since it started
        long sinceStart = Duration.between(event.getStartTime(), Instant.now()).toNanos();
        recorder.recordTimed(thread.getJavaName(), category, blockingMethod, detail(event, category), frames,
                System.nanoTime() - sinceStart, event.getDuration().toNanos());
    }

    /** Registered when the wait ended (the thread may have ended or unregistered by the time the event arrives). */
    private boolean isRegistered(RecordedThread recorded, RecordedEvent event) {
        return runtime.wasRegistered(recorded.getJavaThreadId(), event.getEndTime().toEpochMilli());
    }

    /** The monitor's class and the thread that held it; for a pin, what blocked and why it was pinned (JDK 24+). */
    static String detail(RecordedEvent event, Category category) {
        StringBuilder out = new StringBuilder();
        if (category == Category.MONITOR) {
            RecordedClass monitor = event.hasField("monitorClass") ? event.getClass("monitorClass") : null;
            if (monitor != null) {
                out.append(monitor.getName());
            }
            RecordedThread owner = event.hasField("previousOwner") ? event.getThread("previousOwner") : null;
            if (owner != null && owner.getJavaName() != null) {
                out.append(out.length() == 0 ? "" : " ").append("(held by ").append(owner.getJavaName()).append(')');
            }
        } else {
            if (event.hasField("blockingOperation") && event.getString("blockingOperation") != null) {
                out.append(event.getString("blockingOperation"));
            }
            if (event.hasField("pinnedReason") && event.getString("pinnedReason") != null) {
                out.append(out.length() == 0 ? "" : " ").append("(pinned: ").append(event.getString("pinnedReason"))
                        .append(')');
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /**
     * Waits until every event committed before this call has been delivered, or the stream closed, or a few
     * seconds passed. Returns at once when the stream never started (no loop registered: nothing to wait for).
     */
    public void catchUp() {
        if (closed || !starting && !pinningEverywhere && !runtime.everRegistered()) {
            return; // no loop ever registered: the stream never starts, nothing can be pending
        }
        long deadline = System.nanoTime() + CATCH_UP_NANOS;
        boolean interrupted;
        long target;
        synchronized (progress) {
            interrupted = awaitStream(deadline, false); // still starting
            if (stream == null || closed) {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            target = ++markersSent;
        }
        // A marker committed while the recording is still starting is dropped, so one more goes out every quarter
        // second until one arrives: seeing any later marker also means everything before the first has arrived.
        commitMarker(target);
        synchronized (progress) {
            long nextMarker = System.nanoTime() + 250_000_000L;
            while (markersSeen < target && !closed) {
                long now = System.nanoTime();
                if (deadline - now <= 0) {
                    break;
                }
                if (now - nextMarker >= 0) {
                    commitMarker(++markersSent);
                    nextMarker = now + 250_000_000L;
                }
                try {
                    progress.wait(Math.min(deadline - now, nextMarker - now) / 1_000_000L + 1);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void commitMarker(long sequence) {
        CatchUpMarker marker = new CatchUpMarker();
        marker.sequence = sequence;
        marker.commit();
    }

    /**
     * At JVM exit, before the final data file: deliver what is pending, then close the stream.
     *
     * <p>A stream that is still starting is waited for (bounded), never left to finish on its own. Why: creating the
     * stream initializes JFR, which retransforms the JDK's event classes through JVMTI. Shutdown hooks run in the
     * JVM's live phase, but once they have all returned the JVM enters JVMTI's dead phase, the retransformation
     * fails and HotSpot prints a {@code [warning][jfr,system]} line on the application's stdout (unified logging's
     * default output). Seen in CI, and reproduced in 1 of 66 runs on a loaded machine with a loop registered 0-800 ms
     * before exit. So either the stream is never opened (exit came first), or exit waits here
     * until JFR is initialized and then closes it.
     */
    public void close() {
        try {
            awaitOpened();
            if (stream != null) {
                catchUp(); // a stream that is still starting has nothing to deliver: no wait for it at exit
            }
        } finally {
            closed = true;
            RecordingStream rs = stream;
            if (rs != null) {
                rs.close();
            }
        }
    }

    /** Closes the door to a later start, and waits (bounded) for a start already under way. */
    private void awaitOpened() {
        long deadline = System.nanoTime() + CATCH_UP_NANOS;
        boolean interrupted;
        synchronized (progress) {
            closing = true;
            interrupted = awaitStream(deadline, true);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Under {@link #progress}'s lock: waits until the stream is open or closed, or {@code deadline}; with
     * {@code onlyUnderWay}, only while a start is under way. Returns whether the wait was interrupted.
     */
    private boolean awaitStream(long deadline, boolean onlyUnderWay) {
        boolean interrupted = false;
        while ((starting || !onlyUnderWay) && stream == null && !closed && deadline - System.nanoTime() > 0) {
            try {
                progress.wait(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    void streamClosed() {
        synchronized (progress) {
            closed = true;
            progress.notifyAll();
        }
    }

    /** Named classes, not lambdas: this package follows the agent's rule (no lambda bootstrap in the user's JVM). */
    private static final class OnEvent implements Consumer<RecordedEvent> {
        private final JfrSource source;
        private final Category category;

        OnEvent(JfrSource source, Category category) {
            this.source = source;
            this.category = category;
        }

        @Override
        public void accept(RecordedEvent event) {
            try {
                source.onEvent(event, category);
            } catch (RuntimeException | LinkageError e) {
                Stderr.line("cannot record a JFR " + event.getEventType().getName() + " event: " + e);
            }
        }
    }

    private static final class OnClose implements Runnable {
        private final JfrSource source;

        OnClose(JfrSource source) {
            this.source = source;
        }

        @Override
        public void run() {
            source.streamClosed();
        }
    }
}
