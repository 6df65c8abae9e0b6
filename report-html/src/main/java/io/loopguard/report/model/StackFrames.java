package io.loopguard.report.model;

import io.loopguard.format.CallSite;
import io.loopguard.format.Frame;
import java.util.List;

/**
 * Which frames are the user's: not JDK, not a well-known library or framework. Reports point at the first such
 * frame (the line a developer must change); when a stack has none, at its first non-JDK frame, else at stack[0].
 */
public final class StackFrames {

    private StackFrames() {
    }

    /** A JDK frame ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}). */
    public static boolean isJdk(Frame frame) {
        return frame.isJdk();
    }

    /** A frame of a well-known library or framework ({@link Frame#LIBRARY_PREFIXES}). */
    public static boolean isLibrary(Frame frame) {
        return frame.isLibrary();
    }

    /** The user's own code. */
    public static boolean isApplication(Frame frame) {
        return frame.isApplication();
    }

    /** Index into the stack of the frame reports point at, or -1 for an empty stack. */
    public static int primaryFrameIndex(CallSite site) {
        List<Frame> stack = site.stack();
        for (int i = 0; i < stack.size(); i++) {
            if (isApplication(stack.get(i))) {
                return i;
            }
        }
        for (int i = 1; i < stack.size(); i++) {
            if (!stack.get(i).isJdk()) {
                return i;
            }
        }
        return stack.isEmpty() ? -1 : 0;
    }

    /** {@code Class.method(File.java:42)}, the class without its package, as a stack trace prints it. */
    public static String render(Frame frame) {
        String name = frame.className();
        return name.substring(name.lastIndexOf('.') + 1) + "." + frame.methodName() + location(frame);
    }

    /** {@code pkg.Class.method(File.java:42)}, exactly as {@link StackTraceElement#toString()} would. */
    public static String renderQualified(Frame frame) {
        return frame.className() + "." + frame.methodName() + location(frame);
    }

    private static String location(Frame frame) {
        if (frame.fileName() == null) {
            return "(Unknown Source)";
        }
        return frame.lineNumber() >= 0 ? "(" + frame.fileName() + ":" + frame.lineNumber() + ")"
                : "(" + frame.fileName() + ")";
    }
}
