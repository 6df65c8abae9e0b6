package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.TargetIO;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;

/**
 * Loop time. A thread registered through the API ({@code plain-loop}) sleeps 200 ms, then spins 300 ms of CPU (a
 * stall), then unregisters: busy all along (it has no idle wait), a third of it blocked, half of it stalled. A real
 * Vert.x server, idle but for one request whose handler sleeps 100 ms on the loop: that loop is mostly idle, and its
 * busy time holds the sleep.
 */
public final class LoopTimeTarget {

    public static void main(String[] args) throws Exception {
        // The first registration starts the agent's JFR stream (several hundred classes): as in StallTarget, the
        // plain loop starts once that is over.
        TargetIO.runOn("first-loop", true, () -> { });
        LoopGuard.recordedCallSites();
        Throwable failure = TargetIO.runOn("plain-loop", false, () -> {
            LoopGuard.register(Thread.currentThread());
            Thread.sleep(200);
            StallTarget.spin();
            LoopGuard.unregister(Thread.currentThread());
        });
        fact("plain.failure", failure);

        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (req.path().equals("/sleep")) {
                sleepOnLoop();
            }
            req.response().end("ok");
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        Thread.sleep(500);
        Throwable client = TargetIO.runOn("client", false, () -> VertxTarget.get(server.actualPort(), "/sleep"));
        fact("client.failure", client);
        Thread.sleep(1000);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        fact("done", "true");
        System.exit(0);
    }

    static void sleepOnLoop() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LoopTimeTarget() {
    }
}
