package io.loopguard.report.check;

import java.util.Locale;

/** Durations as the contract writes them: {@code 0}, {@code 250ns}, {@code 500us}, {@code 5ms}, {@code 1s}, {@code 2m}. */
public final class Durations {

    private Durations() {
    }

    /**
     * Nanoseconds of a duration text.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long parseNanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        String number = t.substring(0, split);
        String unit = t.substring(split).trim();
        long factor = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m", "min" -> 60_000_000_000L;
            case "" -> number.matches("0+") ? 1L : -1L; // only 0 may omit the unit: "5" is ambiguous
            default -> -1L;
        };
        if (factor < 0 || number.isEmpty() || number.indexOf('.') != number.lastIndexOf('.')) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "', expected a number with a unit (ns, us, ms, s, m), e.g. 0, 500us, 5ms, 1s");
        }
        return Math.round(Double.parseDouble(number) * factor);
    }

    /** A short human form with three significant digits: {@code 812 ns}, {@code 4.01 ms}, {@code 1.24 s}. */
    public static String format(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return significant(nanos / 1e3) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return significant(nanos / 1e6) + " ms";
        }
        return significant(nanos / 1e9) + " s";
    }

    private static String significant(double value) {
        String pattern = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
