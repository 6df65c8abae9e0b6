package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.TargetIO;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Stalls. {@code hog}: a real Vert.x server whose {@code /hash} handler hashes a password with jBCrypt on the event
 * loop (well over the default 100 ms stall limit of CPU, even on a fast machine), between fast requests. {@code fast}:
 * the same server cold-started, then a few hundred fast requests. {@code idle}: the server started and left idle.
 * {@code spin}: a thread registered through the API spins for 300 ms of its own CPU time.
 */
public final class StallTarget {
    /** jBCrypt's log2 rounds: 2^12 rounds take about 250 ms on a fast core. */
    private static final int COST = 12;
    /** Measured on the loop, printed by main (a print on a registered thread is itself a blocking call). */
    private static volatile long spinNanos;
    private static volatile long spinSum;
    /** Made off the loop: the salt's {@code SecureRandom} reads {@code /dev/urandom}, a blocking file read. */
    static final String SALT = BCrypt.gensalt(COST);

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "spin" -> spinOnRegisteredThread();
            case "idle" -> serve(0, false);
            case "fast" -> serve(300, false);
            case "hog" -> serve(20, true);
            default -> throw new IllegalArgumentException(args[0]);
        }
        TimedHash.print();
        fact("spinNanos", spinNanos);
        fact("spinSum", spinSum);
        fact("done", "true");
        System.exit(0);
    }

    private static void serve(int fastRequests, boolean hog) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/hash")) {
                req.response().end(hashOnLoop());
            } else {
                req.response().end("hello");
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int port = server.actualPort();
        Thread.sleep(fastRequests == 0 ? 1500 : 300); // idle loops
        RequestTimes times = new RequestTimes();
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; i < fastRequests; i++) {
                    times.time(() -> VertxTarget.get(port, "/hello"));
                }
                if (hog) {
                    VertxTarget.get(port, "/hash");
                    for (int i = 0; i < fastRequests; i++) {
                        VertxTarget.get(port, "/hello");
                    }
                }
                times.print();
                fact("traffic", "ok");
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "client");
        client.start();
        client.join();
        Thread.sleep(300); // idle again
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The handler's own frame, below the library's: the hash (timed by TimedHash). */
    static String hashOnLoop() {
        return TimedHash.hash("correct horse battery staple", SALT);
    }

    private static void spinOnRegisteredThread() throws InterruptedException {
        // The first registration starts the agent's JFR stream, which loads several hundred classes: a stretch that
        // overlaps that start-up gets the warm-up grace (README, Stalls). Wait for it as a real loop would have.
        TargetIO.runOn("first-loop", true, () -> { });
        LoopGuard.recordedCallSites();
        Throwable failure = TargetIO.runOn("spinner", false, () -> {
            LoopGuard.register(Thread.currentThread());
            long start = System.nanoTime();
            spin();
            spinNanos = System.nanoTime() - start;
            LoopGuard.unregister(Thread.currentThread());
        });
        fact("spin.failure", failure);
    }

    /** 300 ms of this thread's own CPU time: on a loaded machine its wall time is longer, never shorter. */
    static void spin() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - cpuStart < 300_000_000L) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 31 + i;
            }
        }
        spinSum = x;
    }

    private StallTarget() {
    }
}
