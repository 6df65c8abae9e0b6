package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/**
 * Loop utilization per period: a real Vert.x server (one event loop) serves one warm-up request (a cold loop is busy
 * loading classes for a while), idles for 3.5 s, then one request's handler spins on the loop for 3 s of wall time (a
 * known busy stretch, also a stall), then the server idles 2.5 s more before the JVM exits. The acceptor thread is a
 * registered loop that stays idle all along. Facts: the loop's name, when the warm-up request was answered, and the
 * spin's start and end (wall clock, ms) and length (ns), measured on the loop and printed from main.
 */
public final class UtilizationTarget {
    static final long SPIN_NANOS = 3_000_000_000L;
    private static volatile String spinThread;
    private static volatile long spinStartMillis;
    private static volatile long spinEndMillis;
    private static volatile long spinNanos;
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/spin")) {
                spin();
            }
            req.response().end("ok");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        VertxTarget.get(server.actualPort(), "/warm");
        long warmedMillis = System.currentTimeMillis();
        Thread.sleep(3500);
        VertxTarget.get(server.actualPort(), "/spin");
        Thread.sleep(2500);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        fact("warmedMillis", warmedMillis);
        fact("spinThread", spinThread);
        fact("spinStartMillis", spinStartMillis);
        fact("spinEndMillis", spinEndMillis);
        fact("spinNanos", spinNanos);
        fact("done", "true");
        System.exit(0);
    }

    /** CPU work on the loop, no blocking call: the loop is busy, and not blocked, for {@link #SPIN_NANOS}. */
    static void spin() {
        spinThread = Thread.currentThread().getName();
        spinStartMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        long x = 1;
        while (System.nanoTime() - start < SPIN_NANOS) {
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
        }
        sink = x;
        spinNanos = System.nanoTime() - start;
        spinEndMillis = System.currentTimeMillis();
    }

    private UtilizationTarget() {
    }
}
