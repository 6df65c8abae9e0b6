package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A real Vert.x HTTP server: idle, then requests from an unregistered client thread; {@code /sleep} calls
 * {@link #plantedSleep()} on the event loop (positive control), {@code /block} does the same sleep in
 * {@code executeBlocking} on a worker thread (never recorded: workers are not event loops).
 */
public final class VertxTarget {

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/sleep":
                    plantedSleep();
                    req.response().end("slept");
                    break;
                case "/block":
                    vertx.executeBlocking(() -> {
                        workerSleep();
                        return "done";
                    }).onComplete(ar -> req.response().end(String.valueOf(ar.result())));
                    break;
                default:
                    req.response().end("hello");
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        int port = server.actualPort();

        Thread.sleep(400); // idle loops
        Thread client = new Thread(() -> {
            try {
                for (int i = 0; i < 40; i++) {
                    get(port, "/hello");
                }
                get(port, "/sleep");
                get(port, "/block");
                fact("traffic", "ok");
            } catch (Exception e) {
                fact("traffic", e);
            }
        }, "client");
        client.start();
        client.join();
        Thread.sleep(300); // idle again
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        fact("done", "true");
        System.exit(0);
    }

    static void get(int port, String path) throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes();
        }
    }

    static void plantedSleep() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void workerSleep() {
        try {
            Thread.sleep(30);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private VertxTarget() {
    }
}
