package io.loopguard.demo.http;

import io.loopguard.demo.db.ConnectionPool;
import io.loopguard.demo.db.UserRepository;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServerRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** User lookup: plain JDBC on the event loop vs the same query on a worker thread. */
final class UserEndpoints {

    private final UserRepository repository;
    private final Connection loopConnection;
    private final ConnectionPool pool;
    private final WorkerExecutor dbWorkers;

    /**
     * @param loopConnection one connection shared by every event loop (opened at start-up, not on a loop): the usual
     *                       shape of this mistake
     * @param pool           connections for {@code dbWorkers}, which must have no more threads than it has connections
     */
    UserEndpoints(UserRepository repository, Connection loopConnection, ConnectionPool pool, WorkerExecutor dbWorkers) {
        this.repository = repository;
        this.loopConnection = loopConnection;
        this.pool = pool;
        this.dbWorkers = dbWorkers;
    }

    /** Wrong: the loop waits for PostgreSQL's round trip, and every other connection on it waits too. */
    void blocking(HttpServerRequest request) {
        int id = Responses.id(request);
        try {
            respond(request, id, repository.findActiveName(loopConnection, id));
        } catch (SQLException e) {
            Responses.error(request, e);
        }
    }

    /** Right: the query runs on a worker; the loop only writes the answer when it is there. */
    void async(HttpServerRequest request) {
        int id = Responses.id(request);
        dbWorkers.executeBlocking(() -> pool.withConnection(connection -> repository.findActiveName(connection, id)),
                        false)
                .onSuccess(name -> respond(request, id, name))
                .onFailure(failure -> Responses.error(request, failure));
    }

    private static void respond(HttpServerRequest request, int id, Optional<String> name) {
        if (name.isPresent()) {
            Responses.json(request, "{\"id\":" + id + ",\"name\":" + Responses.quote(name.get()) + "}");
        } else {
            Responses.text(request, 404, "no active user " + id + "\n");
        }
    }
}
