package io.loopguard.report.junit;

/** XML 1.0 escaping for text and attributes; characters XML cannot carry at all become U+FFFD. */
final class Xml {

    private Xml() {
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        try {
            escape(sb, value);
        } catch (java.io.IOException e) {
            throw new AssertionError("StringBuilder does not throw", e);
        }
        return sb.toString();
    }

    /** Appends {@code value} escaped; runs of ordinary characters in one piece, without an intermediate string. */
    static void escape(Appendable out, String value) throws java.io.IOException {
        int length = value.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            String replacement;
            switch (c) {
                case '&' -> replacement = "&amp;";
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '"' -> replacement = "&quot;";
                case '\'' -> replacement = "&apos;";
                case '\n' -> replacement = "&#10;";
                case '\r' -> replacement = "&#13;";
                case '\t' -> replacement = "&#9;";
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++; // a valid pair stays as it is
                        replacement = null;
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        replacement = "\uFFFD";
                    } else {
                        replacement = null;
                    }
                }
            }
            if (replacement != null) {
                out.append(value, start, i).append(replacement);
                start = i + 1;
            }
        }
        out.append(value, start, length);
    }
}
