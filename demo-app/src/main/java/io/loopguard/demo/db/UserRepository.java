package io.loopguard.demo.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The demo's one query. The same method serves both user endpoints; only the thread that calls it differs.
 */
public final class UserRepository {

    /**
     * A bound parameter and a literal: loopguard reports the SQL with the literal masked, as
     * {@code SELECT name FROM users WHERE id = ? AND status = ?}.
     */
    public static final String FIND_ACTIVE_NAME = "SELECT name FROM users WHERE id = ? AND status = 'active'";

    /** The name of the active user {@code id}, empty when there is none. */
    public Optional<String> findActiveName(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_ACTIVE_NAME)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }
}
