package io.loopguard.demo.drive;

/**
 * One row of the drive table.
 *
 * @param path     the endpoint
 * @param requests completed requests (errors included)
 * @param errors   requests that failed or answered with an error status
 */
public record EndpointResult(String path, int requests, int errors, long p50Nanos, long p99Nanos, long maxNanos) {

    static EndpointResult of(String path, Latencies latencies) {
        return new EndpointResult(path, latencies.count(), latencies.errors(), latencies.percentile(50),
                latencies.percentile(99), latencies.max());
    }
}
