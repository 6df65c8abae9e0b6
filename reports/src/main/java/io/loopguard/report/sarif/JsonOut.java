package io.loopguard.report.sarif;

import io.loopguard.format.json.JsonText;
import java.io.IOException;

/**
 * A minimal JSON writer, deterministic and diffable: two-space indentation down to {@link #PRETTY_DEPTH} levels (one
 * SARIF result field per line), anything deeper on one line without spaces. Full pretty-printing made 10 000 results with 40-frame
 * stacks half a gigabyte of mostly indentation.
 */
final class JsonOut {

    static final int PRETTY_DEPTH = 5;

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
        out.append(depth > PRETTY_DEPTH ? ":" : ": ");
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
        if (depth > PRETTY_DEPTH) {
            return; // compact: deep levels are stacks and code flows, most of the file
        }
        out.append('\n');
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }
}
