package io.loopguard.agent.output;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.loopguard.format.options.AgentOptions;
import io.loopguard.agent.Stderr;
import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.record.Recorder;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.format.TerminalText;
import io.loopguard.report.html.HtmlReport;

/**
 * The agent's output: one daemon thread that writes the data file every {@code flushInterval} (when something
 * changed) and prints {@code mode=log} lines and internal errors, and a shutdown hook that writes the final file,
 * renders {@code index.html} ({@code report=html}) and prints the one summary line. Everything goes to stderr; the
 * agent never calls {@code System.exit} and never writes to stdout.
 */
public final class Output implements Runnable {
    private final AgentOptions options;
    private final DataFileSink sink;
    private volatile Recorder recorder;
    private volatile RuntimeBridge runtime;
    private volatile Supplier<List<String>> weaveFailures;
    /** Run in order before the final data file (JFR's drain, the watchdog's last look); each one at most once. */
    private final List<Runnable> beforeFinalWrite = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private boolean errorsReported;
    private int failuresReported;

    private Output(AgentOptions options) {
        this.options = options;
        this.sink = new DataFileSink(options.output(), options.maxSites());
    }

    /**
     * Registers the exit hook, at start-up, so a JVM that exits before the agent's background start-up finished
     * still leaves its (empty: no thread could be registered yet) data file and report.
     */
    public static Output prepare(AgentOptions options) {
        Output output = new Output(options);
        Runtime.getRuntime().addShutdownHook(new Thread("loopguard-shutdown") {
            @Override
            public void run() {
                output.shutdown();
            }
        });
        return output;
    }

    /** Connects the recorder once instrumentation is in place, and starts the periodic flush. */
    public void attach(Recorder recorder, RuntimeBridge runtime, Supplier<List<String>> weaveFailures) {
        this.weaveFailures = weaveFailures;
        this.runtime = runtime;
        this.recorder = recorder;
        sink.attach(recorder, runtime);
        Thread flusher = new Thread(this, "loopguard-flush");
        flusher.setDaemon(true);
        recorder.onLogLine(flusher);
        flusher.start();
    }

    /** The loop time to write into the data file's {@code loops}. */
    public void loopTimes(io.loopguard.agent.looptime.LoopTimes loopTimes) {
        sink.loopTimes(loopTimes);
    }

    /** Runs {@code task} at exit before the final data file is written (draining events that arrive late). */
    public void beforeFinalWrite(Runnable task) {
        beforeFinalWrite.add(task);
    }

    /**
     * The agent failed to start after its options were accepted: the data file must not look like a clean run. Writes
     * it now, with {@code agentError} and no call site (so even a JVM that is killed later leaves the verdict), and
     * the exit hook writes it again with the same error. Never throws.
     */
    public void startFailed(Throwable error) {
        try {
            String text = TerminalText.escape(String.valueOf(error)); // one line, whatever the message holds
            sink.agentError(text.length() > 2000 ? text.substring(0, 2000) + "\u2026" : text);
            write();
        } catch (Throwable ignored) {
            // nothing more can be done without hurting the application
        }
    }

    /** How long the exit hook waits for late events (JFR) before it writes the final data file anyway. */
    private static final long DRAIN_MILLIS = 3_000;

    /**
     * Runs the drain on a daemon thread and waits for it at most {@link #DRAIN_MILLIS}: at JVM exit JFR runs its own
     * shutdown hook beside ours, and whatever it does to a stream that is still starting or closing must never keep
     * the JVM from exiting or the final data file from being written.
     */
    private static void drainBounded(Runnable drain) {
        Thread drainer = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    drain.run();
                } catch (Exception | LinkageError e) {
                    Stderr.line("cannot drain late events before the final data file: " + e);
                }
            }
        }, "loopguard-drain");
        drainer.setDaemon(true);
        drainer.start();
        try {
            drainer.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The flush thread's loop. */
    @Override
    public void run() {
        sink.deleteStaleTemporaries();
        long interval = options.flushIntervalNanos();
        long next = System.nanoTime() + interval;
        while (!stopping) {
            LockSupport.parkNanos(Math.max(1, next - System.nanoTime()));
            printPending();
            if (System.nanoTime() - next >= 0) {
                next = System.nanoTime() + interval;
                if (recorder.takeDirty()) {
                    write();
                }
            }
        }
    }

    private synchronized void printPending() {
        Recorder recorder = this.recorder;
        if (recorder == null) {
            return;
        }
        for (String line; (line = recorder.pollLogLine()) != null; ) {
            Stderr.line(line);
        }
        long errors = runtime.errorCount();
        if (errors > 0 && !errorsReported) {
            errorsReported = true;
            Stderr.line("internal error in instrumented code, recording continues (" + errors + " so far): " + runtime.firstError());
        }
        List<String> failures = weaveFailures.get();
        for (; failuresReported < failures.size(); failuresReported++) {
            Stderr.line("could not instrument " + failures.get(failuresReported));
        }
    }

    private DataFile write() {
        try {
            return sink.write();
        } catch (Exception | LinkageError e) {
            Stderr.line("cannot write " + sink.file() + ": " + e);
            return null;
        }
    }

    private void shutdown() {
        stopping = true;
        for (Runnable drain : beforeFinalWrite) {
            drainBounded(drain);
        }
        printPending();
        DataFile data = write();
        RuntimeBridge bridge = runtime;
        if (bridge != null) {
            bridge.uninstall(); // after the last snapshot: calls still running on other threads stop calling in
        }
        if (data == null) {
            return;
        }
        Path link = null;
        if (options.report() == AgentOptions.Report.HTML) {
            try {
                link = HtmlReport.writeIndex(options.output(), sink.file(), data);
            } catch (Exception | LinkageError e) {
                Stderr.line("cannot write the HTML report in " + options.output() + ": " + e);
            }
        }
        if (data.agentError() != null) {
            Stderr.line("the agent failed to start, no blocking call was recorded in this JVM (" + data.agentError()
                    + ") \u2014 " + (link == null ? sink.file().toUri() : link.toUri()));
            return;
        }
        Stderr.line(summary(data.callSites(), link));
    }

    static String summary(List<CallSite> sites, Path link) {
        long calls = 0;
        long nanos = 0;
        int reported = 0;
        int allowed = 0;
        for (CallSite site : sites) {
            if (site.isAllowed()) { // allowed by a framework's policy: in the report's own section, not counted here
                allowed++;
                continue;
            }
            reported++;
            calls += site.count();
            nanos += site.totalNanos();
        }
        long centis = (nanos + 5_000_000L) / 10_000_000L; // no String.format: it drags in regex and Formatter at exit
        String line = reported + " blocking call site" + (reported == 1 ? "" : "s") + " on event-loop threads ("
                + calls + " call" + (calls == 1 ? "" : "s") + ", " + centis / 100 + "." + (centis % 100 < 10 ? "0" : "")
                + centis % 100 + " s blocked)";
        if (allowed > 0) {
            line += "; " + allowed + " more allowed by framework policy";
        }
        return link == null ? line : line + " — " + link.toUri();
    }
}
