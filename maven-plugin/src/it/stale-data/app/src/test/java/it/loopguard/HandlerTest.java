package it.loopguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandlerTest {

    @Test
    void handlerSleepsOnTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> done = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    Thread.sleep(20); // the blocking call: line 19
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.complete(Thread.currentThread().getName());
            });
            assertEquals("vert.x-eventloop-thread-0", done.get(60, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
