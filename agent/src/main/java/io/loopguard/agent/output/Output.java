package io.loopguard.agent.output;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.loopguard.agent.AgentOptions;
import io.loopguard.agent.Stderr;
import io.loopguard.agent.install.RuntimeBridge;
import io.loopguard.agent.record.Recorder;
import io.loopguard.format.CallSite;
import io.loopguard.format.DataFile;
import io.loopguard.report.html.HtmlReport;

/**
 * The agent's output: one daemon thread that writes the data file every {@code flushInterval} (when something
 * changed) and prints {@code mode=log} lines and internal errors, and a shutdown hook that writes the final file,
 * renders {@code index.html} ({@code report=html}) and prints the one summary line. Everything goes to stderr; the
 * agent never calls {@code System.exit} and never writes to stdout.
 */
public final class Output {
    private final AgentOptions options;
    private final Recorder recorder;
    private final RuntimeBridge runtime;
    private final Supplier<List<String>> weaveFailures;
    private final DataFileSink sink;
    private volatile boolean stopping;
    private boolean errorsReported;
    private int failuresReported;

    private Output(AgentOptions options, Recorder recorder, RuntimeBridge runtime, Supplier<List<String>> weaveFailures) {
        this.options = options;
        this.recorder = recorder;
        this.runtime = runtime;
        this.weaveFailures = weaveFailures;
        this.sink = new DataFileSink(options.output(), recorder, runtime);
    }

    public static void start(AgentOptions options, Recorder recorder, RuntimeBridge runtime, Supplier<List<String>> weaveFailures) {
        Output output = new Output(options, recorder, runtime, weaveFailures);
        Thread flusher = new Thread(output::flushLoop, "loopguard-flush");
        flusher.setDaemon(true);
        recorder.onLogLine(() -> LockSupport.unpark(flusher));
        flusher.start();
        Runtime.getRuntime().addShutdownHook(new Thread(output::shutdown, "loopguard-shutdown"));
    }

    private void flushLoop() {
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
        printPending();
        DataFile data = write();
        runtime.uninstall(); // after the last snapshot: calls still running on other threads stop calling in
        if (data == null) {
            return;
        }
        Path link = null;
        if (options.report() == AgentOptions.Report.HTML) {
            try {
                link = HtmlReport.writeIndex(options.output());
            } catch (Exception | LinkageError e) {
                Stderr.line("cannot write the HTML report in " + options.output() + ": " + e);
            }
        }
        Stderr.line(summary(data.callSites(), link));
    }

    static String summary(List<CallSite> sites, Path link) {
        long calls = sites.stream().mapToLong(CallSite::count).sum();
        long nanos = sites.stream().mapToLong(CallSite::totalNanos).sum();
        String line = String.format(Locale.ROOT, "%d blocking call site%s on event-loop threads (%d call%s, %.2f s blocked)",
                sites.size(), sites.size() == 1 ? "" : "s", calls, calls == 1 ? "" : "s", nanos / 1e9);
        return link == null ? line : line + " — " + link.toUri();
    }
}
