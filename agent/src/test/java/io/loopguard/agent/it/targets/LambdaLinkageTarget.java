package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Vert.x HTTP server whose handler links 30 lambda call sites for the first time on the event loop
 * ({@code /lambdas}: each link defines a hidden class, which every attached agent's {@code ClassFileTransformer} sees),
 * plus the planted sleep ({@code /sleep}). Run beside another Java agent (OpenTelemetry), only the sleep is a site.
 */
public final class LambdaLinkageTarget {

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/sleep":
                    plantedSleep();
                    req.response().end("slept");
                    break;
                case "/lambdas":
                    req.response().end(String.valueOf(linkLambdas().size()));
                    break;
                default:
                    req.response().end("hello");
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        int port = server.actualPort();
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    VertxTarget.get(port, "/hello");
                }
                VertxTarget.get(port, "/lambdas");
                VertxTarget.get(port, "/sleep");
                fact("traffic", "ok");
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "client");
        client.start();
        client.join();
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        fact("done", "true");
        System.exit(0);
    }

    /** 30 lambda call sites, each linked (a hidden class spun and defined) on its first run: here, on the loop. */
    static List<String> linkLambdas() {
        List<String> results = new ArrayList<>();
        results.add(((java.util.function.Supplier<String>) () -> "l0").get());
        results.add(((java.util.function.Supplier<String>) () -> "l1").get());
        results.add(((java.util.function.Supplier<String>) () -> "l2").get());
        results.add(((java.util.function.Supplier<String>) () -> "l3").get());
        results.add(((java.util.function.Supplier<String>) () -> "l4").get());
        results.add(((java.util.function.Supplier<String>) () -> "l5").get());
        results.add(((java.util.function.Supplier<String>) () -> "l6").get());
        results.add(((java.util.function.Supplier<String>) () -> "l7").get());
        results.add(((java.util.function.Supplier<String>) () -> "l8").get());
        results.add(((java.util.function.Supplier<String>) () -> "l9").get());
        results.add(((java.util.function.Supplier<String>) () -> "l10").get());
        results.add(((java.util.function.Supplier<String>) () -> "l11").get());
        results.add(((java.util.function.Supplier<String>) () -> "l12").get());
        results.add(((java.util.function.Supplier<String>) () -> "l13").get());
        results.add(((java.util.function.Supplier<String>) () -> "l14").get());
        results.add(((java.util.function.Supplier<String>) () -> "l15").get());
        results.add(((java.util.function.Supplier<String>) () -> "l16").get());
        results.add(((java.util.function.Supplier<String>) () -> "l17").get());
        results.add(((java.util.function.Supplier<String>) () -> "l18").get());
        results.add(((java.util.function.Supplier<String>) () -> "l19").get());
        results.add(((java.util.function.Supplier<String>) () -> "l20").get());
        results.add(((java.util.function.Supplier<String>) () -> "l21").get());
        results.add(((java.util.function.Supplier<String>) () -> "l22").get());
        results.add(((java.util.function.Supplier<String>) () -> "l23").get());
        results.add(((java.util.function.Supplier<String>) () -> "l24").get());
        results.add(((java.util.function.Supplier<String>) () -> "l25").get());
        results.add(((java.util.function.Supplier<String>) () -> "l26").get());
        results.add(((java.util.function.Supplier<String>) () -> "l27").get());
        results.add(((java.util.function.Supplier<String>) () -> "l28").get());
        results.add(((java.util.function.Supplier<String>) () -> "l29").get());
        return results;
    }

    static void plantedSleep() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LambdaLinkageTarget() {
    }
}
