package it.loopguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class HandlerTest {

    @Test
    void handlerSleepsOnTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> done = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    Thread.sleep(20); // legacy: in the baseline
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

    /** The change under review: a new blocking call, not in the baseline. */
    @Test
    @EnabledIfSystemProperty(named = "it.newViolation", matches = "true")
    void newCodeReadsAFileOnTheEventLoop() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> done = new CompletableFuture<>();
            vertx.runOnContext(v -> {
                try {
                    done.complete(Files.readString(Path.of("pom.xml"))); // new: line 43
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            done.get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }
}
