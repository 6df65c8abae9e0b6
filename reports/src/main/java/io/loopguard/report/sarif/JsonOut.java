package io.loopguard.report.sarif;

import io.loopguard.format.JsonText;
import java.io.IOException;

/**
 * A minimal pretty-printing JSON writer (two-space indent) so that SARIF output is deterministic and diffable, and
 * golden files stay readable. Tracks only whether a comma is due at each nesting level.
 */
final class JsonOut {

    private final Appendable out;
    private final boolean[] first = new boolean[64];
    private int depth;
    private boolean afterName;

    JsonOut(Appendable out) {
        this.out = out;
    }

    JsonOut begin() throws IOException {
        return open('{');
    }

    JsonOut end() throws IOException {
        return close('}');
    }

    JsonOut beginArray() throws IOException {
        return open('[');
    }

    JsonOut endArray() throws IOException {
        return close(']');
    }

    JsonOut name(String name) throws IOException {
        separate();
        JsonText.quote(out, name, false);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonOut value(String value) throws IOException {
        separate();
        JsonText.quote(out, value, false);
        return this;
    }

    JsonOut value(long value) throws IOException {
        separate();
        out.append(Long.toString(value));
        return this;
    }

    JsonOut value(boolean value) throws IOException {
        separate();
        out.append(Boolean.toString(value));
        return this;
    }

    /** {@code "name": "value"}. */
    JsonOut field(String name, String value) throws IOException {
        return name(name).value(value);
    }

    JsonOut field(String name, long value) throws IOException {
        return name(name).value(value);
    }

    /** {@code "name": {"text": "value"}}, SARIF's message shape. */
    JsonOut message(String name, String text) throws IOException {
        return name(name).begin().field("text", text).end();
    }

    void finish() throws IOException {
        out.append('\n');
    }

    private JsonOut open(char bracket) throws IOException {
        separate();
        out.append(bracket);
        first[++depth] = true;
        return this;
    }

    private JsonOut close(char bracket) throws IOException {
        boolean empty = first[depth];
        depth--;
        if (!empty) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void separate() throws IOException {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth > 0) {
            if (!first[depth]) {
                out.append(',');
            }
            first[depth] = false;
            newline();
        }
    }

    private void newline() throws IOException {
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}
