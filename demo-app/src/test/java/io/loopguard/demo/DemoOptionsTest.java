package io.loopguard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaultsServeOnTheEmbeddedDatabaseWithOneLoop() {
        DemoOptions options = DemoOptions.parse();
        assertThat(options.drive()).isFalse();
        assertThat(options.jdbcUrl()).isNull();
        assertThat(options.eventLoops()).isEqualTo(1);
        assertThat(options.effectivePort()).isEqualTo(8080);
        assertThat(options.phase()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.lookupHost()).isEqualTo("localhost");
    }

    @Test
    void driveUsesAFreePortUnlessOneIsGiven() {
        assertThat(DemoOptions.parse("--drive").effectivePort()).isZero();
        assertThat(DemoOptions.parse("--drive", "--port", "9000").effectivePort()).isEqualTo(9000);
    }

    @Test
    void valuesFollowTheOptionOrAnEqualsSign() {
        DemoOptions options = DemoOptions.parse("--jdbc-url=jdbc:postgresql://db:5432/app", "--db-user", "app",
                "--db-password=s=cret", "--event-loops", "2", "--concurrency=3", "--phase-seconds", "1.5");
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/app");
        assertThat(options.dbUser()).isEqualTo("app");
        assertThat(options.dbPassword()).isEqualTo("s=cret");
        assertThat(options.eventLoops()).isEqualTo(2);
        assertThat(options.concurrency()).isEqualTo(3);
        assertThat(options.phase()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void mistakesNameTheOption() {
        assertThatThrownBy(() -> DemoOptions.parse("--bogus", "1")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> DemoOptions.parse("--event-loops", "zero")).hasMessageContaining("--event-loops");
        assertThatThrownBy(() -> DemoOptions.parse("--port")).hasMessageContaining("--port needs a value");
        assertThatThrownBy(() -> DemoOptions.parse("--phase-seconds", "-1")).hasMessageContaining("--phase-seconds");
        assertThatThrownBy(() -> DemoOptions.parse("--db-user", "x")).hasMessageContaining("--jdbc-url");
        assertThatThrownBy(() -> DemoOptions.parse("--jdbc-url", "jdbc:h2:mem:x")).hasMessageContaining("PostgreSQL");
        assertThatThrownBy(() -> DemoOptions.parse("--drive=yes")).hasMessageContaining("--drive takes no value");
    }
}
