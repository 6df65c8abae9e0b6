package io.loopguard.demo.drive;

import java.util.List;

/**
 * One drive phase: the endpoints that ran side by side, and the victim among them.
 *
 * @param name      {@code blocking} or {@code right way}
 * @param endpoints the loaded endpoints, in table order
 * @param health    the health endpoint, loaded next to them
 */
public record PhaseResult(String name, List<EndpointResult> endpoints, EndpointResult health) {

    public PhaseResult {
        endpoints = List.copyOf(endpoints);
    }
}
