package io.loopguard.format;

import java.time.Instant;
import java.util.List;

/** Data files for the tests: the contract's example, and one with every kind of hostile string. */
final class Samples {

    private Samples() {
    }

    static final List<Frame> CONTRACT_STACK = List.of(
            new Frame("org.postgresql.jdbc.PgPreparedStatement", "executeQuery", "PgPreparedStatement.java", 134),
            new Frame("demo.UserHandler", "handle", "UserHandler.java", 42));

    static DataFile contractExample() {
        CallSite site = new CallSite("9f2c41d0a7b3e815", "jdbc", "java.sql.PreparedStatement.executeQuery",
                "SELECT name FROM users WHERE id = ?", List.of("vert.x-eventloop-thread-0"),
                12, 61234567, 4012345, 9512345,
                Instant.parse("2026-11-22T10:00:01Z"), Instant.parse("2026-11-22T10:00:08Z"), CONTRACT_STACK);
        return new DataFile(DataFile.FORMAT, jvm(), List.of(site), 0, List.of("vert.x-eventloop-thread-0"));
    }

    static JvmInfo jvm() {
        return new JvmInfo(4242, "17.0.15", "demo.Main --drive",
                Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:00:09Z"));
    }

    static final String NASTY = "<script>window.__pwned=1</script>\"'</textarea>\\ \n\r\t\u0000\u001f\u2028\u2029"
            + "\ud800 lone \udc00 pair \ud83d\ude00 é";

    static DataFile nasty() {
        CallSite site = new CallSite(NASTY, "file", NASTY, NASTY, List.of(NASTY, "t2"), 1, 2, 2, 2,
                Instant.parse("2026-11-22T10:00:01.123456789Z"), Instant.parse("2026-11-22T10:00:01.5Z"),
                List.of(new Frame(NASTY, NASTY, NASTY, -1), new Frame("a.B", "c", null, 0)));
        return new DataFile(DataFile.FORMAT, new JvmInfo(1, NASTY, NASTY, Instant.EPOCH, Instant.EPOCH),
                List.of(site), 7, List.of(NASTY));
    }
}
