package it.loopguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandlerTest {

    @Test
    void handlerStaysNonBlocking() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> done = new CompletableFuture<>();
            vertx.runOnContext(v ->
                    // The right way: a timer instead of a sleep, blocking work on a worker thread.
                    vertx.setTimer(20, id -> vertx.<String>executeBlocking(() -> {
                        Thread.sleep(20);
                        return "slept on " + Thread.currentThread().getName();
                    }).onComplete(r -> done.complete(r.result()))));
            assertEquals("slept on vert.x-worker-thread-0", done.get(60, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
