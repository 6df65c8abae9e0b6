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
            case "" -> isZeros(number) ? 1L : -1L; // only 0 may omit the unit: "5" is ambiguous
            default -> -1L;
        };
        if (factor < 0 || number.isEmpty() || number.indexOf('.') != number.lastIndexOf('.')) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "', expected a number with a unit (ns, us, ms, s, m), e.g. 0, 500us, 5ms, 1s");
        }
        return Math.round(Double.parseDouble(number) * factor);
    }

    private static boolean isZeros(String number) {
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) != '0') {
                return false;
            }
        }
        return !number.isEmpty();
    }

    /**
     * A short human form with three significant digits: {@code 812 ns}, {@code 4.01 ms}, {@code 1.24 s}. Integer
     * arithmetic, rounding half up as {@code %.2f} did: {@code String.format} loads {@code Formatter}, regex and
     * {@code BigDecimal}, too much for a message.
     */
    public static String format(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return significant(nanos, 1_000L) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return significant(nanos, 1_000_000L) + " ms";
        }
        return significant(nanos, 1_000_000_000L) + " s";
    }

    /** {@code nanos / unit} with 0, 1 or 2 decimals (three significant digits below 100), rounded half up. */
    private static String significant(long nanos, long unit) {
        if (nanos >= 100 * unit) {
            return Long.toString(nanos / unit + (nanos % unit >= unit / 2 ? 1 : 0));
        }
        int decimals = nanos >= 10 * unit ? 1 : 2;
        return decimal(nanos, unit, decimals);
    }

    /** {@code value / unit} (both non-negative, unit a power of ten ≥ 100) with {@code decimals} digits, half up. */
    public static String decimal(long value, long unit, int decimals) {
        long step = unit;
        for (int i = 0; i < decimals; i++) {
            step /= 10;
        }
        long scaled = value / step + (value % step >= step / 2 ? 1 : 0);
        long factor = unit / step;
        String fraction = Long.toString(scaled % factor);
        StringBuilder sb = new StringBuilder(24).append(scaled / factor).append('.');
        for (int i = fraction.length(); i < decimals; i++) {
            sb.append('0');
        }
        return sb.append(fraction).toString();
    }
}
