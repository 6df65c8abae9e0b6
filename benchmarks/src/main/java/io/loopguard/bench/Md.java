package io.loopguard.bench;

import java.util.Arrays;
import java.util.Locale;

/** Medians, spreads and number formatting for the results tables. */
final class Md {
    private Md() {
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** {@code 12.3 (11.9–13.0)}: median and the range of the samples. */
    static String medianRange(double[] values) {
        return num(median(values)) + " (" + num(min(values)) + "–" + num(max(values)) + ")";
    }

    /** Three significant figures, no exponent. */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + num(v);
    }
}
