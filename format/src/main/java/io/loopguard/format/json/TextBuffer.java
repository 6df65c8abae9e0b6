package io.loopguard.format.json;

import java.io.IOException;
import java.io.Writer;

/**
 * An unsynchronised {@link Appendable} that collects text in a {@link StringBuilder} and hands it to a {@link Writer}
 * in large chunks. Report writers append millions of short pieces; through a {@code BufferedWriter} each one would
 * take a lock and a bounds check, and through a {@code StringBuilder} alone the whole report would sit in memory.
 */
public final class TextBuffer implements Appendable {

    private static final int CHUNK = 1 << 16;

    private final Writer out;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);
    private char[] chars = new char[CHUNK + 1024];

    public TextBuffer(Writer out) {
        this.out = out;
    }

    @Override
    public TextBuffer append(CharSequence text) throws IOException {
        buffer.append(text);
        return spill();
    }

    @Override
    public TextBuffer append(CharSequence text, int start, int end) throws IOException {
        buffer.append(text, start, end);
        return spill();
    }

    @Override
    public TextBuffer append(char c) throws IOException {
        buffer.append(c);
        return spill();
    }

    /** Appends the decimal digits of {@code value} without an intermediate string. */
    public TextBuffer append(long value) throws IOException {
        buffer.append(value);
        return spill();
    }

    /** Writes what is buffered to the writer (does not flush the writer). */
    public void drain() throws IOException {
        int length = buffer.length();
        if (chars.length < length) {
            chars = new char[length];
        }
        buffer.getChars(0, length, chars, 0);
        out.write(chars, 0, length);
        buffer.setLength(0);
    }

    private TextBuffer spill() throws IOException {
        if (buffer.length() >= CHUNK) {
            drain();
        }
        return this;
    }
}
