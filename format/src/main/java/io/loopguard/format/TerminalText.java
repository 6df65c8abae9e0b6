package io.loopguard.format;

/**
 * The one escaping function for text that loopguard prints on a terminal (the agent's stderr lines, the CLI's and
 * the Maven plugin's output). Thread names, SQL, paths and other data-file strings can contain control characters;
 * printed raw, a {@code \n} or {@code \r} would let them forge a whole line (e.g. a fake
 * {@code [loopguard] 0 blocking call sites} summary) and ESC would drive the terminal. So {@code \n}, {@code \r} and
 * {@code \t} become those two-character escapes, and every other C0 control, DEL, C1 control, U+2028/U+2029 and
 * unpaired surrogate becomes {@code \\uXXXX}. Everything else, backslashes included, is printed as it is.
 *
 * <p>JDK-only and free of lambdas, regular expressions and {@code String.format}: the agent calls it at exit.
 */
public final class TerminalText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TerminalText() {
    }

    /** {@code text} safe to print as (part of) one terminal line; {@code null} stays {@code "null"}. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        int length = text.length();
        int i = 0;
        while (i < length && !needsEscape(text, i)) {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = new StringBuilder(length + 16);
        out.append(text, 0, i);
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (!needsEscape(text, i)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                        .append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
