package io.loopguard.format;

import java.util.Locale;

/**
 * The one duration grammar of loopguard, used alike by the agent's options ({@code threshold}, {@code flushInterval}),
 * the report CLI's and the Maven plugin's rules ({@code --max-blocked}): a decimal number and a unit, {@code ns},
 * {@code us} (or {@code µs}), {@code ms}, {@code s}, {@code m} (or {@code min}); e.g. {@code 0}, {@code 250ns},
 * {@code 500us}, {@code 1.5ms}, {@code 1s}, {@code 2m}. Only zero may omit the unit ({@code 5} is ambiguous).
 *
 * <p>Parsing is exact integer arithmetic (no {@code double}): {@code 0.1s} is 100,000,000 ns, a fraction below a
 * nanosecond rounds half up, and a value beyond {@code Long.MAX_VALUE} nanoseconds (about 292 years) is an error,
 * never a silent overflow. JDK-only, no regex, no lambdas: the agent parses its options during JVM start-up.
 */
public final class Durations {

    private static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private Durations() {
    }

    /**
     * Nanoseconds of a duration text.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms, or saying that it is too long
     */
    public static long parseNanos(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
            split++;
        }
        String number = t.substring(0, split);
        String unit = t.substring(split); // no space between number and unit: "5 ms" is two words on a command line
        // A unit is 10^digits nanoseconds, times 60 for minutes.
        int digits = switch (unit) {
            case "ns" -> 0;
            case "us", "µs" -> 3;
            case "ms" -> 6;
            case "s", "m", "min" -> 9;
            case "" -> isZeros(number) ? 0 : -1; // only 0 may omit the unit: "5" is ambiguous
            default -> -1;
        };
        int dot = number.indexOf('.');
        if (digits < 0 || number.isEmpty() || dot != number.lastIndexOf('.') || dot == 0 || dot == number.length() - 1) {
            throw new IllegalArgumentException("invalid duration '" + text
                    + "', expected a number with a unit (ns, us, ms, s, m), e.g. 0, 500us, 1.5ms, 1s");
        }
        String whole = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "" : number.substring(dot + 1);
        try {
            long nanos = Math.multiplyExact(Long.parseLong(whole), POWERS_OF_TEN[digits]);
            long part = 0;
            for (int i = 0; i < digits; i++) {
                part = part * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
            }
            if (fraction.length() > digits && fraction.charAt(digits) >= '5') {
                part++; // below a nanosecond: half up
            }
            nanos = Math.addExact(nanos, part);
            return unit.startsWith("m") && !unit.equals("ms") ? Math.multiplyExact(nanos, 60L) : nanos;
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long (at most "
                    + Long.MAX_VALUE / 1_000_000_000L + "s)");
        }
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
