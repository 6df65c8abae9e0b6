package io.loopguard.demo.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run against, one per test JVM: a Testcontainers container when a Docker engine answers,
 * the embedded PostgreSQL otherwise (as in CI here). Never absent: these tests are not skipped for lack of Docker.
 *
 * @param url         JDBC URL
 * @param user        user name
 * @param password    password
 * @param description which of the two it is, for test output
 */
public record TestDatabase(String url, String user, String password, String description) {

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);
    private static final String IMAGE = "postgres:16-alpine";

    /** Started on first use, stopped when the test JVM exits. */
    public static synchronized TestDatabase shared() {
        if (Holder.instance == null) {
            Holder.instance = start();
            LOG.info("tests use {}", Holder.instance.description());
        }
        return Holder.instance;
    }

    /** A {@link Database} on this server (the demo's "user-given JDBC URL" path); closing it leaves the server up. */
    public Database database() {
        return Database.external(url, user, password, null);
    }

    private static TestDatabase start() {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
            return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    "Testcontainers " + IMAGE);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(120)) // default 10 s: short on a loaded box
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the embedded server dies with its data directory.
                }
            }, "test-postgres-stop"));
            return new TestDatabase("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres",
                    "postgres", "embedded PostgreSQL (no Docker engine)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
    }

    private static final class Holder {
        private static TestDatabase instance;
    }
}
