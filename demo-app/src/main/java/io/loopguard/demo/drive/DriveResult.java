package io.loopguard.demo.drive;

import java.time.Duration;

/**
 * Both drive phases.
 *
 * @param blocking    health next to the {@code /blocking/*} endpoints
 * @param rightWay    health next to the {@code /async/*} endpoints
 * @param concurrency clients per endpoint
 * @param phase       length of each phase
 */
public record DriveResult(PhaseResult blocking, PhaseResult rightWay, int concurrency, Duration phase) {

    /** How many times slower the health endpoint's p99 was next to the blocking endpoints. */
    public double healthP99Ratio() {
        return (double) blocking.health().p99Nanos() / Math.max(1, rightWay.health().p99Nanos());
    }
}
