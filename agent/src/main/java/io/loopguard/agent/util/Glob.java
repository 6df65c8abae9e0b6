package io.loopguard.agent.util;

/** A glob with {@code *} (any run of characters, dots included) and {@code ?} (one character); case-sensitive. */
public final class Glob {
    private final String pattern;

    public Glob(String pattern) {
        this.pattern = pattern;
    }

    public boolean matches(String text) {
        return text != null && match(0, text, 0);
    }

    @Override
    public String toString() {
        return pattern;
    }

    private boolean match(int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int k = text.length(); k >= t; k--) {
                    if (match(p + 1, text, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
