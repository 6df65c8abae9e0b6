package io.loopguard.runtime;

import java.lang.invoke.MethodHandle;
import java.nio.channels.SelectableChannel;

/**
 * Per-thread state of a registered event-loop thread: the depth of instrumented calls in progress and what the
 * outermost one is. Only its own thread touches the mutable fields, so they need no synchronisation.
 *
 * <p>The depth counter does three jobs (instrumentation.md, 4.4): nested instrumented calls count once as the
 * outermost (a JDBC query swallows its socket reads), the outermost entry names the category (a park under
 * {@code ReentrantLock.lock} is a {@code lock}), and nothing the agent does while recording is recorded itself.
 */
final class LoopThread {
    static final long NESTED = Long.MIN_VALUE;

    final Thread thread;
    private int depth;
    private boolean waited;
    private Object context;

    LoopThread(Thread thread) {
        this.thread = thread;
    }

    long enter(int site, Object ctx) {
        if (depth > 0) {
            depth++;
            if ((site & SiteFlags.SIGNALS_WAIT) != 0) {
                waited = true;
            }
            return NESTED;
        }
        if ((site & SiteFlags.SUPPRESS) != 0) {
            depth = 1;
            return NESTED;
        }
        Error reject = null;
        try {
            if ((site & SiteFlags.BLOCKING_CHANNEL) != 0 && !((SelectableChannel) ctx).isBlocking()) {
                return 0L;
            }
            if ((site & SiteFlags.HOST_NAME) != 0 && !isHostName(ctx)) {
                return 0L;
            }
            depth = 1;
            waited = false;
            context = ctx;
            MethodHandle checker = Hooks.checker;
            if (checker != null) {
                // Runs with depth 1: whatever the checker does (a stack walk, class loading) is not recorded.
                reject = (Error) checker.invokeExact(thread, site, ctx);
            }
        } catch (Throwable e) {
            Hooks.failed(e);
        }
        if (reject != null) {
            reset();
            throw reject; // before the blocking work starts: no JDK state has changed yet
        }
        if (depth == 0) {
            return 0L;
        }
        long now = System.nanoTime();
        return now == 0L || now == NESTED ? now + 1 : now;
    }

    void exit(long token, int site) {
        if (token == NESTED) {
            if (depth > 0) {
                depth--;
            }
            return;
        }
        long end = System.nanoTime();
        try {
            if ((site & SiteFlags.CONDITIONAL) == 0 || waited) {
                MethodHandle recorder = Hooks.recorder;
                if (recorder != null) {
                    // Still at depth 1 here: the recorder's own I/O, locks and class loading stay unrecorded.
                    recorder.invokeExact(thread, site, context, token, end);
                }
            }
        } catch (Throwable e) {
            Hooks.failed(e);
        } finally {
            reset();
        }
    }

    private void reset() {
        depth = 0;
        waited = false;
        context = null;
    }

    /** A name that needs resolving: not null, not empty, not an IPv4 or IPv6 literal. */
    static boolean isHostName(Object ctx) {
        if (!(ctx instanceof String)) {
            return false;
        }
        String host = (String) ctx;
        if (host.isEmpty() || host.charAt(0) == '[' || host.indexOf(':') >= 0) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return true;
            }
        }
        return false;
    }
}
