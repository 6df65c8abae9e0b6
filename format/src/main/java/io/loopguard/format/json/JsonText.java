package io.loopguard.format.json;

import java.io.IOException;

/**
 * JSON string quoting shared by every loopguard writer (data file, SARIF, the data island of the HTML report).
 *
 * <p>Escapes more than JSON requires: U+2028/U+2029 (line terminators in older JavaScript), lone surrogates (they
 * cannot be encoded as UTF-8 and would otherwise turn into {@code ?}), and, with {@code htmlSafe}, {@code <}, {@code >}
 * and {@code &}, so that the text can sit inside an HTML {@code <script>} element without ever closing it.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code value} as a quoted JSON string, or {@code null} for {@code null}. */
    public static void quote(Appendable out, String value, boolean htmlSafe) throws IOException {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (needsEscape(value, i, c, htmlSafe)) {
                out.append(value, start, i);
                escape(out, c);
                start = i + 1;
            }
        }
        out.append(value, start, length);
        out.append('"');
    }

    /** {@link #quote(Appendable, String, boolean)} into a new string. */
    public static String quote(String value, boolean htmlSafe) {
        StringBuilder out = new StringBuilder(value == null ? 4 : value.length() + 2);
        try {
            quote(out, value, htmlSafe);
        } catch (IOException e) {
            throw new AssertionError("StringBuilder does not throw", e);
        }
        return out.toString();
    }

    private static boolean needsEscape(String value, int i, char c, boolean htmlSafe) {
        if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (htmlSafe && (c == '<' || c == '>' || c == '&')) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
        }
        return false;
    }

    private static void escape(Appendable out, char c) throws IOException {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            default -> out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                    .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
        }
    }
}
