package io.loopguard.report.html;

import io.loopguard.format.io.OwnJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report template, split at its one marker. A marker instead of a template engine: the page renders itself from
 * the data, so the server side has exactly one thing to insert, and nothing to escape but JSON.
 */
final class Template {

    static final String RESOURCE = "report.html";
    static final String DATA_MARKER = "@@LOOPGUARD_DATA@@";

    private static volatile Template cached;

    private final String before;
    private final String after;

    private Template(String before, String after) {
        this.before = before;
        this.after = after;
    }

    static Template load() {
        Template template = cached;
        if (template == null) {
            template = parse(readResource());
            cached = template;
        }
        return template;
    }

    static Template parse(String text) {
        int at = text.indexOf(DATA_MARKER);
        if (at < 0 || text.indexOf(DATA_MARKER, at + 1) >= 0) {
            throw new IllegalStateException(RESOURCE + " must contain " + DATA_MARKER + " exactly once");
        }
        return new Template(text.substring(0, at), text.substring(at + DATA_MARKER.length()));
    }

    private static String readResource() {
        try {
            // at the agent's exit: from the jar directly (OwnJar says why)
            byte[] bytes = OwnJar.read(Template.class, Template.class.getPackageName().replace('.', '/') + "/" + RESOURCE);
            if (bytes == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + Template.class);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String before() {
        return before;
    }

    String after() {
        return after;
    }
}
