package io.loopguard.demo.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the demo schema and its seed data. Idempotent, so a user-given database can be reused across runs.
 */
public final class Schema {

    /** The schema every demo connection works in. */
    public static final String NAME = "loopguard_demo";

    /** Number of seeded users; ids run from 1 to this. */
    public static final int USERS = 1000;

    private Schema() {
    }

    /** Creates the schema and table if missing and seeds the users: every tenth one is inactive. */
    public static void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + NAME);
            statement.execute("CREATE TABLE IF NOT EXISTS " + NAME + ".users ("
                    + "id INTEGER PRIMARY KEY, name TEXT NOT NULL, status TEXT NOT NULL)");
            statement.execute("INSERT INTO " + NAME + ".users (id, name, status) "
                    + "SELECT g, 'user-' || g, CASE WHEN g % 10 = 0 THEN 'inactive' ELSE 'active' END "
                    + "FROM generate_series(1, " + USERS + ") AS g ON CONFLICT (id) DO NOTHING");
        }
    }

    /** True for the ids whose seeded user is active (the drive asks only for those). */
    public static boolean isActive(int id) {
        return id >= 1 && id <= USERS && id % 10 != 0;
    }
}
