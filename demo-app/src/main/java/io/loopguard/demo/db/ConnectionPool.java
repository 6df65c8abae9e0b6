package io.loopguard.demo.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of connections, all opened up front on the calling (start-up) thread, for the worker threads of the
 * right-way endpoints. Deliberately tiny instead of a real pool library: the demo needs nothing more, and borrowing
 * blocks, which is fine on a worker and is exactly why this pool must never be used on an event loop.
 */
public final class ConnectionPool implements AutoCloseable {

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final long BORROW_TIMEOUT_SECONDS = 10;

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;

    private ConnectionPool(List<Connection> connections) {
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    /** Opens {@code size} connections now. */
    public static ConnectionPool open(Database database, int size) throws SQLException {
        List<Connection> connections = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                connections.add(database.connect());
            }
        } catch (SQLException e) {
            closeAll(connections);
            throw e;
        }
        return new ConnectionPool(connections);
    }

    /** Borrows a connection for {@code work}; waits (on this worker thread) while all are in use. */
    public <T> T withConnection(SqlWork<T> work) throws SQLException, InterruptedException {
        Connection connection = idle.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (connection == null) {
            throw new SQLException("no idle connection within " + BORROW_TIMEOUT_SECONDS + " s");
        }
        try {
            return work.apply(connection);
        } finally {
            idle.add(connection);
        }
    }

    @Override
    public void close() {
        closeAll(all);
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Shutting down: a connection that cannot be closed cleanly is dropped with its socket.
            }
        }
    }
}
