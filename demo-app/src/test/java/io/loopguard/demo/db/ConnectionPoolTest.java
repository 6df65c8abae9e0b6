package io.loopguard.demo.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The workers' pool, against a real PostgreSQL. */
class ConnectionPoolTest {

    private static Database database;

    @BeforeAll
    static void schema() throws Exception {
        database = TestDatabase.shared().database();
        try (Connection connection = database.connect()) {
            Schema.apply(connection);
        }
    }

    @AfterAll
    static void close() throws Exception {
        database.close();
    }

    @Test
    void moreWorkersThanConnectionsShareThemAndGetAnswers() throws Exception {
        UserRepository repository = new UserRepository();
        Set<Connection> used = ConcurrentHashMap.newKeySet();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try (ConnectionPool pool = ConnectionPool.open(database, 2)) {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 1; i <= 60; i++) {
                int id = i;
                answers.add(workers.submit(() -> pool.withConnection(connection -> {
                    used.add(connection);
                    return repository.findActiveName(connection, id).orElse("-");
                })));
            }
            for (int i = 1; i <= 60; i++) {
                assertThat(answers.get(i - 1).get()).isEqualTo(Schema.isActive(i) ? "user-" + i : "-");
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(used).hasSizeBetween(1, 2).allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
    }

    @Test
    void aFailingQueryReturnsItsConnection() throws Exception {
        try (ConnectionPool pool = ConnectionPool.open(database, 1)) {
            assertThatThrownBy(() -> pool.withConnection(connection -> {
                throw new SQLException("boom");
            })).hasMessage("boom");
            boolean valid = pool.withConnection(connection -> connection.isValid(1));
            assertThat(valid).isTrue();
        }
    }
}
