package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one duration grammar (agent options, CLI and Maven rules), exact and overflow-safe; and the integer formatting
 * against the String.format it replaced (three significant digits, half up).
 */
class DurationsTest {

    @Test
    void parsesEveryUnitExactly() {
        assertThat(Durations.parseNanos("0")).isZero();
        assertThat(Durations.parseNanos("000")).isZero();
        assertThat(Durations.parseNanos("250ns")).isEqualTo(250);
        assertThat(Durations.parseNanos("500us")).isEqualTo(500_000);
        assertThat(Durations.parseNanos("500µs")).isEqualTo(500_000);
        assertThat(Durations.parseNanos("5ms")).isEqualTo(5_000_000);
        assertThat(Durations.parseNanos("1.5ms")).isEqualTo(1_500_000);
        assertThat(Durations.parseNanos("0.1s")).isEqualTo(100_000_000);
        assertThat(Durations.parseNanos(" 1S ")).isEqualTo(1_000_000_000);
        assertThat(Durations.parseNanos("2m")).isEqualTo(120_000_000_000L);
        assertThat(Durations.parseNanos("1.5min")).isEqualTo(90_000_000_000L);
        assertThat(Durations.parseNanos("1.0000000004s")).isEqualTo(1_000_000_000);
        assertThat(Durations.parseNanos("1.0000000005s")).as("half a nanosecond rounds up").isEqualTo(1_000_000_001);
        assertThat(Durations.parseNanos("9223372036s")).isEqualTo(9_223_372_036_000_000_000L);
    }

    @Test
    void rejectsWhatIsNotADurationOrTooLong() {
        for (String bad : new String[] {"", "5", "ms", "1.5", "-1ms", "1..5ms", ".5ms", "5.ms", "5 hours", "5 ms", "5h", "1e3ms",
                "0x10ms"}) {
            assertThatThrownBy(() -> Durations.parseNanos(bad)).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid duration");
        }
        for (String huge : new String[] {"9223372037s", "9223372036854775s", "99999999999999999999s", "153722868m"}) {
            assertThatThrownBy(() -> Durations.parseNanos(huge)).as("'%s'", huge)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
        }
    }

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
