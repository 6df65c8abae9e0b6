package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;

import io.loopguard.agent.it.support.Expect;
import io.loopguard.agent.it.support.Scenario;
import io.loopguard.agent.it.support.ScenarioRunner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;

/**
 * JDBC on H2 (in-memory) and on a real PostgreSQL (embedded, started by JdbcIT; URL, user and password as args).
 * SQL literals must be masked; a PreparedStatement's detail is the SQL it was prepared with, never bound values; a
 * query that reads a socket is one {@code jdbc} call (the scenarios are exclusive: no {@code socket} site).
 * Connections and statements are opened and closed by main, off the registered threads.
 */
public final class JdbcTarget {
    static final String H2_URL = "jdbc:h2:mem:loopguard;DB_CLOSE_DELAY=-1";
    static String pgUrl;
    static String pgUser;
    static String pgPassword;
    static Connection h2;
    static Connection h2Tx;
    static Connection pg;
    static Connection pgTx;
    static final List<AutoCloseable> OPENED = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        pgUrl = args[0];
        pgUser = args[1];
        pgPassword = args[2];
        h2 = DriverManager.getConnection(H2_URL);
        h2Tx = DriverManager.getConnection(H2_URL);
        h2Tx.setAutoCommit(false);
        pg = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        pgTx = DriverManager.getConnection(pgUrl, pgUser, pgPassword);
        pgTx.setAutoCommit(false);
        for (Connection c : List.of(h2, pg)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop table if exists people");
                s.execute("create table people (id int primary key, name varchar(40))");
                s.execute("insert into people values (42, 'bob'), (7, 'alice')");
            }
        }
        ScenarioRunner.runAll(JdbcTarget.class);
        for (AutoCloseable c : OPENED) {
            c.close();
        }
        for (Connection c : List.of(h2, h2Tx, pg, pgTx)) {
            c.close();
        }
        fact("closed", "true");
    }

    // ---------------------------------------------------------------- H2

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeQuery",
            detail = "select id, name from people where name = ? and id = ?", detailExcludes = {"bob", "42"})
    static void h2StatementQuery() throws Exception {
        statementQuery(h2);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.PreparedStatement.executeQuery",
            detail = "select name from people where id = ?", detailExcludes = {"42"})
    static void h2PreparedQuery() throws Exception {
        preparedQuery(h2);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.PreparedStatement.executeUpdate",
            detail = "update people set name = ? where id = ?", detailExcludes = {"carol", "7"})
    static void h2PreparedUpdate() throws Exception {
        preparedUpdate(h2);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeBatch")
    static void h2Batch() throws Exception {
        batch(h2);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeUpdate",
            detail = "update people set name = ? where id = ?")
    @Expect(category = "jdbc", method = "java.sql.Connection.commit")
    static void h2UpdateAndCommit() throws Exception {
        updateAndCommit(h2Tx);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.DriverManager.getConnection")
    static void h2DriverManagerConnect() throws Exception {
        keep(DriverManager.getConnection(H2_URL));
    }

    @Scenario
    @Expect(category = "jdbc", method = "javax.sql.DataSource.getConnection")
    static void h2DataSourceConnect() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2_URL);
        keep(ds.getConnection());
    }

    // ---------------------------------------------------------------- PostgreSQL

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeQuery",
            detail = "select id, name from people where name = ? and id = ?", detailExcludes = {"bob", "42"})
    static void pgStatementQuery() throws Exception {
        statementQuery(pg);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.PreparedStatement.executeQuery",
            detail = "select name from people where id = ?", detailExcludes = {"42"})
    static void pgPreparedQuery() throws Exception {
        preparedQuery(pg);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.PreparedStatement.executeUpdate",
            detail = "update people set name = ? where id = ?", detailExcludes = {"carol", "7"})
    static void pgPreparedUpdate() throws Exception {
        preparedUpdate(pg);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeBatch")
    static void pgBatch() throws Exception {
        batch(pg);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeUpdate",
            detail = "update people set name = ? where id = ?")
    @Expect(category = "jdbc", method = "java.sql.Connection.commit")
    static void pgUpdateAndCommit() throws Exception {
        updateAndCommit(pgTx);
    }

    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeUpdate",
            detail = "update people set name = ? where id = ?")
    @Expect(category = "jdbc", method = "java.sql.Connection.rollback")
    static void pgUpdateAndRollback() throws Exception {
        try (Statement s = pgTx.createStatement()) {
            s.executeUpdate("update people set name = 'zed' where id = 7");
        }
        pgTx.rollback();
    }

    /** A server-side wait: the duration is the query's. */
    @Scenario
    @Expect(category = "jdbc", method = "java.sql.Statement.executeQuery", minMillis = 50,
            detail = "select pg_sleep(?)")
    static void pgSleepQuery() throws Exception {
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("select pg_sleep(0.05)")) {
            rs.next();
        }
    }

    /** Connecting reads and writes a socket, inside the one {@code jdbc} call. */
    @Scenario
    @Expect(category = "jdbc", method = "java.sql.DriverManager.getConnection")
    static void pgDriverManagerConnect() throws Exception {
        keep(DriverManager.getConnection(pgUrl, pgUser, pgPassword));
    }

    // ---------------------------------------------------------------- shared bodies

    static void statementQuery(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, name from people where name = 'bob' and id = 42")) {
            while (rs.next()) {
                rs.getString(2);
            }
        }
    }

    static void preparedQuery(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select name from people where id = ?")) {
            ps.setInt(1, 42);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    static void preparedUpdate(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("update people set name = ? where id = ?")) {
            ps.setString(1, "carol");
            ps.setInt(2, 7);
            ps.executeUpdate();
        }
    }

    static void batch(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.addBatch("update people set name = 'dan' where id = 7");
            s.addBatch("update people set name = 'eve' where id = 7");
            s.executeBatch();
        }
    }

    static void updateAndCommit(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update people set name = 'fay' where id = 7");
        }
        c.commit();
    }

    static synchronized void keep(AutoCloseable c) {
        OPENED.add(c);
    }

    private JdbcTarget() {
    }
}
