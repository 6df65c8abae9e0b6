package io.loopguard.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack as text, one frame a line: {@code class.method(file:line)}, the file empty when unknown. The agent's JFR
 * event {@code io.loopguard.BlockingCall} carries its stack this way, and reports read recordings back with
 * {@link #parse}: the frames survive exactly (class, method, file, line), so call-site ids computed from a recording
 * equal the data file's. Unlike {@link StackTraceElement#toString()} there is no module or class-loader prefix, and
 * the line is always present, so the text parses without guessing (a class name with a '(' in it, which javac never
 * makes, would not).
 */
public final class FrameText {

    private FrameText() {
    }

    public static String format(List<Frame> frames) {
        StringBuilder out = new StringBuilder(frames.size() * 64);
        for (Frame frame : frames) {
            out.append(frame.className()).append('.').append(frame.methodName()).append('(');
            if (frame.fileName() != null) {
                out.append(frame.fileName());
            }
            out.append(':').append(frame.lineNumber()).append(")\n");
        }
        return out.toString();
    }

    /**
     * The frames of {@link #format}'s text.
     *
     * @throws IllegalArgumentException naming the first line that is not a frame
     */
    public static List<Frame> parse(String text) {
        List<Frame> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                out.add(parseLine(text.substring(start, end)));
            }
            start = end + 1;
        }
        return out;
    }

    private static Frame parseLine(String line) {
        int open = line.indexOf('('); // method names cannot hold '(' (JVMS 4.2.2), file names may
        int colon = line.lastIndexOf(':');
        int dot = open < 0 ? -1 : line.lastIndexOf('.', open);
        if (open <= 0 || dot <= 0 || dot + 1 >= open || colon < open || !line.endsWith(")")) {
            throw new IllegalArgumentException("not a stack frame: " + TerminalText.escape(line));
        }
        int lineNumber;
        try {
            lineNumber = Integer.parseInt(line.substring(colon + 1, line.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stack frame: " + TerminalText.escape(line));
        }
        String file = line.substring(open + 1, colon);
        return new Frame(line.substring(0, dot), line.substring(dot + 1, open), file.isEmpty() ? null : file, lineNumber);
    }
}
