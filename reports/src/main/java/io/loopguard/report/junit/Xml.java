package io.loopguard.report.junit;

/**
 * What XML 1.0 cannot carry at all: control characters other than tab, newline and carriage return, unpaired
 * surrogates, U+FFFE and U+FFFF. The JDK's {@code XMLStreamWriter} escapes markup but writes these as they are, which
 * would make the file unreadable; {@link #clean} turns each into U+FFFD first.
 */
final class Xml {

    private Xml() {
    }

    static String clean(String value) {
        StringBuilder out = null;
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++; // a valid pair stays as it is
                continue;
            }
            bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c) || c == '\uFFFE'
                    || c == '\uFFFF';
            if (bad && out == null) {
                out = new StringBuilder(length);
                out.append(value, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? value : out.toString();
    }
}
