package io.loopguard.demo.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/** A delay (think: a retry back-off or a rate limit): {@code Thread.sleep} on the loop vs a Vert.x timer. */
final class DelayEndpoints {

    /** Long enough to dominate the health endpoint's latency, short enough for a bounded drive. */
    static final long DELAY_MILLIS = 20;

    private final Vertx vertx;

    DelayEndpoints(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Wrong: the loop sleeps, and so does every connection it serves. */
    void blocking(HttpServerRequest request) {
        try {
            Thread.sleep(DELAY_MILLIS);
            respond(request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(request, e);
        }
    }

    /** Right: the loop serves others until the timer fires. */
    void async(HttpServerRequest request) {
        vertx.setTimer(DELAY_MILLIS, timerId -> respond(request));
    }

    private static void respond(HttpServerRequest request) {
        Responses.json(request, "{\"delayedMillis\":" + DELAY_MILLIS + "}");
    }
}
