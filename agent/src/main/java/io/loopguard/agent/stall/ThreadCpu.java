package io.loopguard.agent.stall;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of another thread, where the JVM measures it: a stretch that is long only because the loop was waiting
 * for a CPU (a loaded machine) did not burn the loop's time in its own code.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean supported;

    ThreadCpu() {
        boolean ok;
        try {
            ok = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        } catch (RuntimeException e) {
            ok = false;
        }
        supported = ok;
    }

    /** The thread's CPU time in nanoseconds, or -1 when unknown. */
    @SuppressWarnings("deprecation") // Thread.threadId() exists only from JDK 19
    long cpuNanos(Thread thread) {
        if (!supported) {
            return -1;
        }
        try {
            return threads.getThreadCpuTime(thread.getId());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
