package io.loopguard.demo.drive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentiles() {
        Latencies latencies = new Latencies();
        for (int i = 100; i >= 1; i--) {
            latencies.add(i);
        }
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentile(50)).isEqualTo(50);
        assertThat(latencies.percentile(99)).isEqualTo(99);
        assertThat(latencies.max()).isEqualTo(100);
    }

    @Test
    void emptyIsZeroAndOneSampleIsEveryPercentile() {
        Latencies latencies = new Latencies();
        assertThat(latencies.percentile(99)).isZero();
        latencies.add(7);
        assertThat(latencies.percentile(1)).isEqualTo(7);
        assertThat(latencies.percentile(99)).isEqualTo(7);
    }

    @Test
    void mergingKeepsErrorsAndGrowsPastTheInitialCapacity() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int i = 0; i < 1000; i++) {
            a.add(1);
        }
        b.addError(5);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(1001);
        assertThat(a.errors()).isEqualTo(1);
        assertThat(a.max()).isEqualTo(5);
    }
}
