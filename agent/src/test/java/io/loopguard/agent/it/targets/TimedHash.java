package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The password hash of the stall targets, timed twice: its wall time and the CPU time of the thread that ran it. A
 * stall excludes stop-the-world pauses (and the watchdog sees the stretch only at its looks), so the wall time of a hash
 * on a loaded machine can exceed the stall by a pause; the CPU time cannot, because a paused thread burns none. The
 * test compares the stall with the CPU time and prints both.
 */
final class TimedHash {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile long wallNanos;
    private static volatile long cpuNanos;

    static String hash(String password, String salt) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        String hash = BCrypt.hashpw(password, salt);
        wallNanos = System.nanoTime() - start;
        cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
        return hash;
    }

    static void print() {
        fact("hogNanos", wallNanos);
        fact("hogCpuNanos", cpuNanos);
    }

    private TimedHash() {
    }
}
