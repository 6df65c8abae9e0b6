package it.loopguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three tests reach the same blocking line (a helper's sleep) on the event loop; a fourth blocks nothing. */
class ConfigReadersTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void readsTheHost() throws Exception {
        assertEquals("host", onLoop("host"));
    }

    @Test
    void readsThePort() throws Exception {
        assertEquals("port", onLoop("port"));
    }

    @Test
    void readsTheTimeout() throws Exception {
        assertEquals("timeout", onLoop("timeout"));
    }

    @Test
    void blocksNothing() {
        assertEquals(4, "four".length());
    }

    private static String onLoop(String key) throws Exception {
        CompletableFuture<String> done = new CompletableFuture<>();
        vertx.runOnContext(v -> done.complete(Config.read(key)));
        return done.get(60, TimeUnit.SECONDS);
    }
}
