package io.loopguard.demo.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriveTableTest {

    @Test
    void rendersARowPerEndpointAndPhaseAndComparesHealth() {
        EndpointResult sleep = new EndpointResult("/blocking/delay", 10, 0, 20_000_000, 40_000_000, 41_000_000);
        EndpointResult timer = new EndpointResult("/async/delay", 90, 1, 20_000_000, 21_000_000, 22_000_000);
        PhaseResult blocking = new PhaseResult("blocking", List.of(sleep),
                new EndpointResult("/health", 12, 0, 19_000_000, 80_000_000, 90_000_000));
        PhaseResult rightWay = new PhaseResult("right way", List.of(timer),
                new EndpointResult("/health", 500, 0, 500_000, 2_000_000, 3_000_000));

        String table = DriveTable.render(new DriveResult(blocking, rightWay, 2, Duration.ofMillis(1500)), "1 loop");

        assertThat(table).contains("1 loop, 2 client(s) per endpoint, 1.5 s per phase")
                .containsPattern("blocking +/blocking/delay +10 +0 +20\\.0 +40\\.0 +41\\.0")
                .containsPattern("right way +/async/delay +90 +1 +20\\.0 +21\\.0 +22\\.0")
                .containsPattern("blocking +/health +12 ")
                .containsPattern("right way +/health +500 ")
                .contains("/health p99: 80.0 ms next to the blocking endpoints, 2.0 ms next to the right-way ones (40x).");
    }
}
