package io.loopguard.demo.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema, the seed data and the demo's query, against a real PostgreSQL. */
class UserRepositoryTest {

    private static Database database;
    private static Connection connection;
    private final UserRepository repository = new UserRepository();

    @BeforeAll
    static void connect() throws SQLException {
        database = TestDatabase.shared().database();
        connection = database.connect();
        Schema.apply(connection);
    }

    @AfterAll
    static void disconnect() throws Exception {
        connection.close();
        database.close();
    }

    @Test
    void findsAnActiveUserByBoundId() throws SQLException {
        assertThat(repository.findActiveName(connection, 42)).contains("user-42");
    }

    @Test
    void inactiveAndMissingUsersAreEmpty() throws SQLException {
        assertThat(repository.findActiveName(connection, 40)).isEmpty();
        assertThat(repository.findActiveName(connection, Schema.USERS + 1)).isEmpty();
    }

    @Test
    void schemaIsIdempotentAndSeedsEveryUserOnce() throws SQLException {
        Schema.apply(connection);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT count(*), count(*) FILTER (WHERE status = 'active') FROM users")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(Schema.USERS);
            assertThat(rows.getInt(2)).isEqualTo(Schema.USERS - Schema.USERS / 10);
        }
    }

    @Test
    void connectionsWorkInTheDemoSchema() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_schema()")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo(Schema.NAME);
        }
    }

    @Test
    void isActiveMatchesTheSeed() throws SQLException {
        for (int id : new int[] {1, 9, 10, 11, 1000}) {
            assertThat(repository.findActiveName(connection, id).isPresent()).as("user %d", id)
                    .isEqualTo(Schema.isActive(id));
        }
    }
}
