package io.loopguard.demo.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the demo's PostgreSQL is: an embedded server this process starts and stops, or any JDBC URL the user gives.
 * Every connection it opens works in the demo's own schema ({@link Schema#NAME}), so pointing the demo at a real
 * database never touches that database's own tables.
 */
public final class Database implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String description;
    private final AutoCloseable owner;

    private Database(String url, String user, String password, String description, AutoCloseable owner) {
        this.url = Objects.requireNonNull(url, "url");
        this.user = user;
        this.password = password;
        this.description = description;
        this.owner = owner;
    }

    /** Starts an embedded PostgreSQL (linux-amd64 binaries, unpacked to a temporary directory; ~3 s cold). */
    public static Database embedded() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(120)) // the library's 10 s is short on a loaded machine
                .start();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        return new Database(url, "postgres", "postgres", "embedded PostgreSQL on port " + postgres.getPort(), postgres);
    }

    /**
     * A database someone else runs. {@code user} and {@code password} may be {@code null} when the URL carries them.
     * {@code owner} is closed with this object (a test container, say); it may be {@code null}.
     */
    public static Database external(String url, String user, String password, AutoCloseable owner) {
        return new Database(url, user, password, url, owner);
    }

    /** Opens a new connection (auto-commit) whose search path is the demo schema. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("currentSchema", Schema.NAME);
        properties.setProperty("ApplicationName", "loopguard-demo");
        return DriverManager.getConnection(url, properties);
    }

    /** For humans: which database this is. */
    public String description() {
        return description;
    }

    @Override
    public void close() throws Exception {
        if (owner != null) {
            owner.close();
        }
    }
}
