package io.loopguard.format;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;


import io.loopguard.format.json.JsonNode;

/**
 * ISO-8601 timestamps of the data file: written in UTC ({@code Z}); read with any offset, for hand-made files.
 *
 * <p>Hand-written for the forms the agent writes ({@code 2026-11-22T10:00:01Z}, {@code ...01.123Z}): this code runs
 * in the user's JVM at exit, and {@link Instant#toString()} / {@link Instant#parse} load {@code java.time.format}
 * (tens of classes and milliseconds in a cold JVM). Anything else, such as {@code +02:00} offsets, a leap second or
 * a year beyond 9999, goes to {@code java.time} as before, so the reader accepts exactly what it accepted.
 */
public final class InstantText {

    private static final long SECONDS_PER_DAY = 86_400L;
    /** 10000-01-01T00:00:00Z: from here on ISO-8601 needs a sign and more digits. */
    private static final long YEAR_10000 = 253_402_300_800L;

    private InstantText() {
    }

    static Instant parse(JsonNode node, String path, String source) throws DataFileException {
        String text = node.string();
        Instant fast = parseUtc(text);
        if (fast != null) {
            return fast;
        }
        Instant parsed = JavaTime.parse(text);
        if (parsed == null) {
            throw new DataFileException(source, path + ": invalid timestamp '" + text
                    + "', expected ISO-8601 such as 2026-11-22T10:00:00Z", node.line(), node.column());
        }
        return parsed;
    }

    /** The java.time fallback, in its own class so that its exception types load only when it runs. */
    private static final class JavaTime {
        static Instant parse(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e2) {
                    return null;
                }
            }
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} in UTC, or {@code null} for anything else (the caller falls back to
     * {@code java.time}, which knows every ISO-8601 variant).
     */
    public static Instant parseUtc(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(text, 20, fraction);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Appends {@code instant} exactly as {@link Instant#toString()} writes it. */
    public static void append(Appendable out, Instant instant) throws IOException {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds >= YEAR_10000) {
            out.append(instant.toString()); // outside 1970..9999: rare enough to pay for java.time.format
            return;
        }
        long days = seconds / SECONDS_PER_DAY;
        int secondOfDay = (int) (seconds % SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, for non-negative days).
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        pad(out, year, 4);
        out.append('-');
        pad(out, month, 2);
        out.append('-');
        pad(out, day, 2);
        out.append('T');
        pad(out, secondOfDay / 3600, 2);
        out.append(':');
        pad(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        pad(out, secondOfDay % 60, 2);
        int nanos = instant.getNano();
        if (nanos > 0) { // as ISO_INSTANT: 3, 6 or 9 digits, as many as needed
            out.append('.');
            if (nanos % 1_000_000 == 0) {
                pad(out, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                pad(out, nanos / 1_000, 6);
            } else {
                pad(out, nanos, 9);
            }
        }
        out.append('Z');
    }

    /** {@link #append} into a new string. */
    public static String format(Instant instant) {
        StringBuilder out = new StringBuilder(30);
        try {
            append(out, instant);
        } catch (IOException e) {
            throw new AssertionError("StringBuilder does not throw", e);
        }
        return out.toString();
    }

    private static void pad(Appendable out, int value, int width) throws IOException {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }

    /** The value of {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (year 0..9999). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
