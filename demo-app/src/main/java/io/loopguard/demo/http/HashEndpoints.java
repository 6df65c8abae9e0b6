package io.loopguard.demo.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Password hashing (think: a login or sign-up handler): bcrypt on the event loop vs the same hash on a worker. No
 * blocking call is involved, so no catalogue names it: the loop is simply busy, and loopguard reports it as a
 * {@code stall}. The work factor is chosen as real services choose it, by timing a hash at start-up (off the loop):
 * the smallest cost whose hash takes at least {@link #TARGET_CPU_MILLIS} of CPU here, so the stall stays well above
 * the default limit of 100 ms on a fast machine and the drive stays short on a slow one.
 */
final class HashEndpoints {

    /** Twice the default stall limit: a hash on the loop is a stall on any machine. */
    static final long TARGET_CPU_MILLIS = 200;
    private static final int MIN_COST = 8;
    private static final int MAX_COST = 14;

    private final WorkerExecutor workers;
    private final String salt;

    /** @param workers the pool the right way hashes on (not an event loop) */
    HashEndpoints(WorkerExecutor workers) {
        this.workers = workers;
        this.salt = BCrypt.gensalt(calibratedCost());
    }

    /** Wrong: the loop computes the hash, and every connection on it waits for the CPU. */
    void blocking(HttpServerRequest request) {
        respond(request, hash(request));
    }

    /** Right: the hash runs on a worker; the loop serves others and writes the answer when it is there. */
    void async(HttpServerRequest request) {
        workers.executeBlocking(() -> hash(request), false)
                .onSuccess(hash -> respond(request, hash))
                .onFailure(failure -> Responses.error(request, failure));
    }

    private String hash(HttpServerRequest request) {
        return BCrypt.hashpw("correct horse battery staple " + Responses.id(request), salt);
    }

    private static void respond(HttpServerRequest request, String hash) {
        Responses.json(request, "{\"hash\":" + Responses.quote(hash) + "}");
    }

    /**
     * The smallest bcrypt cost (each step doubles the work) whose hash takes {@link #TARGET_CPU_MILLIS} of this
     * thread's CPU time, measured after a few small hashes have warmed the JIT. CPU time, not wall time: a busy machine
     * at start-up must not lower the cost.
     */
    private static int calibratedCost() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String warmUpSalt = BCrypt.gensalt(MIN_COST);
        for (int i = 0; i < 5; i++) {
            BCrypt.hashpw("warm-up", warmUpSalt);
        }
        long start = threads.getCurrentThreadCpuTime();
        BCrypt.hashpw("calibration", warmUpSalt);
        long nanosAtMin = Math.max(1, threads.getCurrentThreadCpuTime() - start);
        int cost = MIN_COST;
        long nanos = nanosAtMin;
        while (cost < MAX_COST && nanos < TARGET_CPU_MILLIS * 1_000_000L) {
            cost++;
            nanos *= 2;
        }
        return cost;
    }
}
