package io.loopguard.agent.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochClockTest {
    private static final long MS = 1_000_000L;

    @Test
    void keepsTheMonotonicClocksDistancesWhenConvertedAtDifferentMoments() throws InterruptedException {
        long registered = System.nanoTime();
        long converted = EpochClock.epochMillis(registered);
        Thread.sleep(20); // a converting thread that is late does not move the time it converts
        assertThat(EpochClock.epochMillis(registered)).isEqualTo(converted);
        assertThat(EpochClock.epochMillis(registered + 5 * MS)).isEqualTo(converted + 5);
        assertThat(EpochClock.epochMillis(registered + 5 * MS - 1)).isBetween(converted + 4, converted + 5);
        assertThat(EpochClock.epochMillis(registered - 5 * MS)).isEqualTo(converted - 5);
    }

    @Test
    void agreesWithTheWallClock() {
        // one pair of readings taken at class initialization: off by at most the clocks' drift since then (none
        // measurable in a test), plus one millisecond of rounding; a second of margin for a preempted test thread
        long before = System.currentTimeMillis();
        long now = EpochClock.nowMillis();
        long after = System.currentTimeMillis();
        assertThat(now).isBetween(before - 1_000, after + 1_000);
    }
}
