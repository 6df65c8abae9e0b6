package io.loopguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    @Test
    void bucketsAreContiguousAndEachHoldsItsBounds() {
        assertThat(DurationHistogram.lowerBound(0)).isZero();
        for (int b = 0; b < DurationHistogram.BUCKETS; b++) {
            long low = DurationHistogram.lowerBound(b);
            long high = DurationHistogram.upperBound(b);
            assertThat(high).as("bucket %d", b).isGreaterThan(low);
            assertThat(DurationHistogram.bucketOf(low)).as("low of %d", b).isEqualTo(b);
            assertThat(DurationHistogram.bucketOf(high - 1)).as("high of %d", b).isEqualTo(b);
            if (b > 0) {
                assertThat(low).isEqualTo(DurationHistogram.upperBound(b - 1));
                assertThat((double) (high - low) / low).as("width of %d", b).isLessThanOrEqualTo(0.25);
            }
        }
        assertThat(DurationHistogram.bucketOf(-5)).isZero();
        assertThat(DurationHistogram.bucketOf(Long.MAX_VALUE)).isEqualTo(DurationHistogram.BUCKETS - 1);
        assertThat(DurationHistogram.upperBound(DurationHistogram.BUCKETS - 1)).isEqualTo(1L << 43);
    }

    @Test
    void percentilesAreWithinAQuarterOfTheExactOnes() {
        Random random = new Random(42);
        long[] nanos = new long[10_000];
        for (int i = 0; i < nanos.length; i++) { // log-normal-ish: 10 µs to 1 s
            nanos[i] = (long) Math.pow(10, 4 + 5 * random.nextDouble() * random.nextDouble());
        }
        DurationHistogram histogram = DurationHistogram.ofDurations(nanos);
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            long exact = sorted[(int) Math.ceil(q * sorted.length) - 1];
            long estimate = histogram.percentile(q, sorted[0], sorted[sorted.length - 1]);
            assertThat((double) Math.abs(estimate - exact) / exact).as("p%s: %d vs %d", q * 100, estimate, exact)
                    .isLessThan(0.25);
        }
        assertThat(histogram.count()).isEqualTo(nanos.length);
    }

    @Test
    void percentilesStayWithinMinAndMax() {
        DurationHistogram one = DurationHistogram.ofDurations(150_000_000L);
        assertThat(one.percentile(0.5, 150_000_000L, 150_000_000L)).isEqualTo(150_000_000L);
        DurationHistogram two = DurationHistogram.ofDurations(1_000_000L, 1_000_000L, 200_000_000L);
        assertThat(two.percentile(0.99, 1_000_000L, 200_000_000L)).isBetween(150_000_000L, 200_000_000L);
        assertThat(two.percentile(0.5, 1_000_000L, 200_000_000L)).isBetween(1_000_000L, 1_250_000L);
        assertThat(DurationHistogram.ofDurations().percentile(0.5, 0, 0)).isZero();
    }

    @Test
    void histogramsOfTwoRunsAddUpAndMergedSitesKeepThemOnlyWhenBothHaveOne() {
        DurationHistogram a = DurationHistogram.ofDurations(2_000, 3_000_000);
        DurationHistogram b = DurationHistogram.ofDurations(3_000_000, 9_000_000_000L);
        assertThat(a.plus(b)).isEqualTo(DurationHistogram.ofDurations(2_000, 3_000_000, 3_000_000, 9_000_000_000L));
        CallSite site = new CallSite("a", "sleep", "java.lang.Thread.sleep", null, List.of("t"), 2, 3_002_000, 2_000,
                3_000_000, Instant.EPOCH, Instant.EPOCH, List.of(), List.of(), null, a);
        CallSite other = site.withHistogram(b);
        assertThat(site.mergedWith(other).histogram()).isEqualTo(a.plus(b));
        assertThat(site.mergedWith(other.withHistogram(null)).histogram()).isNull();
        assertThat(site.withHistogram(null).percentileNanos(0.5)).isEqualTo(-1);
        assertThat(site.percentileNanos(0.99)).isBetween(2_500_000L, 3_000_000L);
    }

    @Test
    void aCountArrayOfTheWrongLengthOrWithANegativeCountIsRefused() {
        assertThatThrownBy(() -> DurationHistogram.of(new long[3])).isInstanceOf(IllegalArgumentException.class);
        long[] counts = new long[DurationHistogram.BUCKETS];
        counts[4] = -1;
        assertThatThrownBy(() -> DurationHistogram.of(counts)).hasMessageContaining("negative");
    }
}
