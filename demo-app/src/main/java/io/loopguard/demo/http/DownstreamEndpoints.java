package io.loopguard.demo.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/** A downstream call: {@code CompletableFuture.join} on the loop vs composing the future. */
final class DownstreamEndpoints {

    private final Downstream downstream;

    DownstreamEndpoints(Downstream downstream) {
        this.downstream = downstream;
    }

    /** Wrong: the loop parks until another thread completes the future. */
    void blocking(HttpServerRequest request) {
        int id = Responses.id(request);
        try {
            Responses.json(request, json(downstream.quote(id).join()));
        } catch (RuntimeException e) {
            Responses.error(request, e);
        }
    }

    /** Right: the answer is composed from the future; Vert.x brings the completion back to this loop's context. */
    void async(HttpServerRequest request) {
        int id = Responses.id(request);
        Future.fromCompletionStage(downstream.quote(id), Vertx.currentContext())
                .map(DownstreamEndpoints::json)
                .onComplete(result -> Responses.complete(request, result));
    }

    private static String json(String quote) {
        return "{\"quote\":" + Responses.quote(quote) + "}";
    }
}
