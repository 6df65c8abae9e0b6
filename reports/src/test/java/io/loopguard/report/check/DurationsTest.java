package io.loopguard.report.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The integer formatting against the String.format it replaced (three significant digits, half up). */
class DurationsTest {

    @Test
    void formatsAsStringFormatDid() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            long nanos = i < 100_000 ? random.nextInt(1 << (i % 31)) : Math.abs(random.nextLong() % 10_000_000_000_000L);
            assertThat(Durations.format(nanos)).as("%d ns", nanos).isEqualTo(old(nanos));
        }
        for (long nanos : new long[] {0, 999, 1_000, 1_005, 9_995, 99_950, 99_949, 999_500, 999_999, 1_000_000,
                4_015_000, 9_999_999, 99_999_999, 999_999_999, 1_000_000_000, 99_995_000_000L}) {
            assertThat(Durations.format(nanos)).as("%d ns", nanos).isEqualTo(old(nanos));
        }
    }

    @Test
    void decimalSecondsAsPercentThreeF() {
        for (long nanos : new long[] {0, 1, 499_999, 500_000, 1_000_000, 30_000_000, 1_234_567_890, 999_999_999_999L}) {
            assertThat(Durations.decimal(nanos, 1_000_000_000L, 3))
                    .isEqualTo(String.format(Locale.ROOT, "%.3f", nanos / 1e9));
        }
    }

    private static String old(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        double value = nanos < 1_000_000 ? nanos / 1e3 : nanos < 1_000_000_000 ? nanos / 1e6 : nanos / 1e9;
        String unit = nanos < 1_000_000 ? " µs" : nanos < 1_000_000_000 ? " ms" : " s";
        String pattern = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value) + unit;
    }
}
