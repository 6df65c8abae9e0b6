package io.loopguard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopguard.demo.drive.DriveResult;
import io.loopguard.demo.drive.EndpointResult;
import io.loopguard.demo.http.Endpoints;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code --drive} as the README runs it, minus the agent and with shorter phases: the embedded PostgreSQL, the table,
 * and head-of-line blocking that shows. The timing assertion is loose on purpose (shared two-core machine).
 */
class DriveSmokeTest {

    @Test
    void driveShowsHeadOfLineBlockingInTheTable() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DriveResult result;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = DemoMain.drive(DemoOptions.parse("--drive", "--phase-seconds", "1.5"), out);
        }
        String table = bytes.toString(StandardCharsets.UTF_8);

        for (Endpoints.Pair pair : Endpoints.PAIRS) {
            assertThat(table).contains(pair.blockingPath(), pair.asyncPath());
        }
        assertThat(table).contains("embedded PostgreSQL", "/health p99:");
        Stream.of(result.blocking(), result.rightWay())
                .flatMap(phase -> Stream.concat(phase.endpoints().stream(), Stream.of(phase.health())))
                .forEach(row -> assertThat(row).satisfies(this::servedWithoutErrors));
        // A 20 ms sleep and a 20 ms join on the only loop must cost /health more than timers and callbacks do.
        assertThat(result.blocking().health().p99Nanos())
                .as(table)
                .isGreaterThan(result.rightWay().health().p99Nanos());
    }

    private void servedWithoutErrors(EndpointResult row) {
        assertThat(row.requests()).as(row.path()).isPositive();
        assertThat(row.errors()).as(row.path()).isZero();
    }
}
