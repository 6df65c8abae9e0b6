package io.loopguard.agent.util;

/**
 * Turns a {@code System.nanoTime()} reading into wall-clock epoch milliseconds through one pair of clock readings
 * taken once, so that every time the data file gives (a loop's registration, a stretch's start) keeps the order and
 * distance the monotonic clock measured. Reading both clocks at each conversion did not: a converting thread
 * preempted (or waiting for a lock) between its {@code nanoTime} and its {@code currentTimeMillis} moved that one
 * time later by the delay, and a sleep that began after its thread's registration was written 5 ms before it on a
 * loaded CI machine. The price is that a wall-clock step after start-up (NTP) does not move these times.
 */
public final class EpochClock {
    private static final long BASE_NANOS;
    private static final long BASE_MILLIS;

    static {
        // the pair read closest together of a few tries: the conversion is as good as this pair
        long bestNanos = 0L;
        long bestMillis = 0L;
        long bestGap = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            long millis = System.currentTimeMillis();
            long after = System.nanoTime();
            if (after - before < bestGap) {
                bestGap = after - before;
                bestNanos = before + (after - before) / 2;
                bestMillis = millis;
            }
        }
        BASE_NANOS = bestNanos;
        BASE_MILLIS = bestMillis;
    }

    private EpochClock() {
    }

    /** Epoch milliseconds now, on the same conversion (so comparable with every converted time). */
    public static long nowMillis() {
        return epochMillis(System.nanoTime());
    }

    /** Epoch milliseconds of a {@code System.nanoTime()} reading of this JVM. */
    public static long epochMillis(long nanoTime) {
        return BASE_MILLIS + Math.floorDiv(nanoTime - BASE_NANOS, 1_000_000L);
    }
}
