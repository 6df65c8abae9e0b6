package io.loopguard.agent;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.loopguard.format.options.OptionException;
import io.loopguard.format.TerminalText;

/**
 * The agent's only output channel: whole lines on the process's real standard error, each starting
 * {@code [loopguard]}. Never stdout (Surefire's fork protocol lives there), never SLF4J or {@code java.util.logging}
 * (the application owns those), and never from an event-loop thread (the agent's own thread prints log lines).
 * Bound to file descriptor 2 at start-up, so an application that replaces {@code System.err} does not capture us.
 */
public final class Stderr {
    public static final String PREFIX = OptionException.PREFIX;
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    private Stderr() {
    }

    /**
     * Prints {@code message} as one line. Control characters in it (thread names, SQL, paths and exception messages
     * can hold any) are escaped by {@link TerminalText}, so no text can forge or hide a {@code [loopguard]} line.
     */
    public static void line(String message) {
        String text = TerminalText.escape(message);
        synchronized (ERR) {
            ERR.println(text.startsWith(PREFIX) ? text : PREFIX + text);
        }
    }
}
