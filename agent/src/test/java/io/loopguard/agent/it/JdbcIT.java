package io.loopguard.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.agent.it.support.AgentProcess;
import io.loopguard.agent.it.support.RunResult;
import io.loopguard.agent.it.support.ScenarioChecks;
import io.loopguard.agent.it.targets.JdbcTarget;
import io.loopguard.format.CallSite;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** JDBC against H2 in-memory and a real PostgreSQL (embedded, started here; no Docker). */
class JdbcIT {
    static EmbeddedPostgres postgres;
    static RunResult run;

    @BeforeAll
    static void runTarget() throws Exception {
        // the library waits 10 s for the server by default: short on a loaded 2-core machine
        postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(120)).start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        run = AgentProcess.of(JdbcTarget.class).args(url, "postgres", "postgres")
                .timeout(Duration.ofSeconds(180)).run();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void targetRunsNormallyUnderTheAgent() {
        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(run.fact("closed")).isEqualTo("true");
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
        return ScenarioChecks.forTarget(run, JdbcTarget.class);
    }

    @Test
    void aJdbcCallIsNeverAlsoASocketCall() {
        List<CallSite> sockets = run.sitesWhere(s -> s.category().equals("socket"));
        assertThat(sockets).as("socket sites on registered threads (a JDBC call counts once, as jdbc):\n%s",
                RunResult.describe(sockets)).isEmpty();
    }

    @Test
    void boundValuesNeverAppearInAnyDetail() {
        for (CallSite s : run.sites()) {
            if (s.detail() != null) {
                assertThat(s.detail()).as("detail of %s", s.blockingMethod())
                        .doesNotContain("bob", "carol", "dan", "eve", "fay", "zed")
                        .doesNotContainPattern("\\b42\\b"); // a bound value, not a port like 42695
            }
        }
    }
}
