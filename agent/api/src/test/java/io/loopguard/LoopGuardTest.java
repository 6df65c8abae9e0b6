package io.loopguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API without the agent (this test JVM has none): a cheap no-op whose in-jar registry still answers
 * {@code isRegistered}, so that tests of registering code pass with and without the agent. With the agent the same
 * calls go to the bootstrap runtime; the agent's RegistrationIT covers that side.
 */
class LoopGuardTest {

    @Test
    void withoutTheAgentItIsInactiveAndRecordsNothing() {
        assertThat(LoopGuard.isActive()).isFalse();
        assertThat(LoopGuard.recordedCallSites()).isEmpty();
    }

    @Test
    void theInJarRegistryRemembersRegistrations() {
        Thread loop = new Thread(() -> { }, "my-loop");
        assertThat(LoopGuard.isRegistered(loop)).isFalse();
        LoopGuard.register(loop);
        assertThat(LoopGuard.isRegistered(loop)).isTrue();
        assertThat(LoopGuard.isRegistered(Thread.currentThread())).isFalse();
        LoopGuard.unregister(loop);
        assertThat(LoopGuard.isRegistered(loop)).isFalse();
    }

    @Test
    void nullThreadsAreRejectedOrAnsweredFalse() {
        assertThatThrownBy(() -> LoopGuard.register(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> LoopGuard.unregister(null)).isInstanceOf(NullPointerException.class);
        assertThat(LoopGuard.isRegistered(null)).isFalse();
    }

    @Test
    void aSnapshotEntryBecomesARecordedCallSite() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("id", "9f2c41d0a7b3e815");
        raw.put("category", "jdbc");
        raw.put("blockingMethod", "java.sql.PreparedStatement.executeQuery");
        raw.put("detail", "SELECT 1");
        raw.put("threads", List.of("vert.x-eventloop-thread-0"));
        raw.put("count", 12);
        raw.put("totalNanos", 61_234_567L);
        raw.put("maxNanos", 9_512_345L);
        raw.put("stack", List.of("org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)"));

        RecordedCallSite site = RecordedCallSite.fromMap(raw);

        assertThat(site).isEqualTo(new RecordedCallSite("9f2c41d0a7b3e815", "jdbc",
                "java.sql.PreparedStatement.executeQuery", "SELECT 1", List.of("vert.x-eventloop-thread-0"), 12,
                61_234_567L, 9_512_345L,
                List.of("org.postgresql.jdbc.PgPreparedStatement.executeQuery(PgPreparedStatement.java:134)")));
    }

    @Test
    void missingOrMistypedSnapshotFieldsBecomeEmptyValues() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("id", "x");
        raw.put("threads", "not a list");
        raw.put("count", "not a number");
        RecordedCallSite site = RecordedCallSite.fromMap(raw);
        assertThat(site.threads()).isEmpty();
        assertThat(site.stack()).isEmpty();
        assertThat(site.count()).isZero();
        assertThat(site.detail()).isNull();
    }
}
