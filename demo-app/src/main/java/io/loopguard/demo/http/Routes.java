package io.loopguard.demo.http;

import io.loopguard.demo.db.ConnectionPool;
import io.loopguard.demo.db.UserRepository;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's request handler: an exact-path table. Vert.x Web's router would do the same; a map keeps the demo on
 * {@code vertx-core} alone and keeps each handler one plain method call away from the event loop in stack traces.
 */
public final class Routes implements Handler<HttpServerRequest> {

    private final Map<String, Handler<HttpServerRequest>> handlers = new LinkedHashMap<>();

    /**
     * @param loopConnection the connection the blocking user endpoint uses on the event loop
     * @param pool           connections for {@code dbWorkers}
     * @param file           the file both file endpoints read
     * @param host           the name both host endpoints resolve
     * @param hashWorkers    the workers the right-way password hash runs on
     */
    public Routes(Vertx vertx, Connection loopConnection, ConnectionPool pool, WorkerExecutor dbWorkers, Path file,
                  String host, Downstream downstream, WorkerExecutor hashWorkers) {
        UserEndpoints users = new UserEndpoints(new UserRepository(), loopConnection, pool, dbWorkers);
        FileEndpoints files = new FileEndpoints(vertx, file);
        DelayEndpoints delays = new DelayEndpoints(vertx);
        HostEndpoints hosts = new HostEndpoints(vertx, host);
        DownstreamEndpoints calls = new DownstreamEndpoints(downstream);
        HashEndpoints hashes = new HashEndpoints(hashWorkers);
        // Same order as Endpoints.PAIRS.
        pair(Endpoints.PAIRS.get(0), users::blocking, users::async);
        pair(Endpoints.PAIRS.get(1), files::blocking, files::async);
        pair(Endpoints.PAIRS.get(2), delays::blocking, delays::async);
        pair(Endpoints.PAIRS.get(3), hosts::blocking, hosts::async);
        pair(Endpoints.PAIRS.get(4), calls::blocking, calls::async);
        pair(Endpoints.PAIRS.get(5), hashes::blocking, hashes::async);
        handlers.put(Endpoints.HEALTH, Routes::health);
        handlers.put("/", this::index);
    }

    @Override
    public void handle(HttpServerRequest request) {
        Handler<HttpServerRequest> handler = request.method() == HttpMethod.GET ? handlers.get(request.path()) : null;
        if (handler == null) {
            Responses.text(request, 404, "not found; GET / lists the endpoints\n");
        } else {
            handler.handle(request);
        }
    }

    private void pair(Endpoints.Pair pair, Handler<HttpServerRequest> blocking, Handler<HttpServerRequest> async) {
        handlers.put(pair.blockingPath(), blocking);
        handlers.put(pair.asyncPath(), async);
    }

    /** The victim: it does nothing, so all its latency is time spent waiting for the event loop. */
    private static void health(HttpServerRequest request) {
        Responses.text(request, 200, "ok\n");
    }

    private void index(HttpServerRequest request) {
        StringBuilder text = new StringBuilder("loopguard demo: blocking way / right way\n");
        for (Endpoints.Pair pair : Endpoints.PAIRS) {
            text.append(String.format("  %-20s %-22s %s%n", pair.name(), pair.blockingPath(), pair.asyncPath()));
        }
        text.append(String.format("  %-20s %s%n", "victim", Endpoints.HEALTH));
        Responses.text(request, 200, text.toString());
    }
}
