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

    /**
     * Index into the stack of the frame reports point at, or -1 for an empty stack. For a {@code stall}, whose stack
     * starts with the busy code itself, the frames of the top frame's package are skipped when an application frame of
     * another package calls them: a password hash in a library not on the known list (bcrypt) points at the handler
     * that called it, while a hot loop in the application's own package points at that loop.
     */
    public static int primaryFrameIndex(CallSite site) {
        List<Frame> stack = site.stack();
        if (site.category().equals(io.loopguard.format.Category.STALL.id()) && !stack.isEmpty()) {
            String busyPackage = packageOf(stack.get(0));
            for (int i = 1; i < stack.size(); i++) {
                Frame frame = stack.get(i);
                if (isApplication(frame) && !packageOf(frame).equals(busyPackage)) {
                    return i;
                }
            }
        }
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

    private static String packageOf(Frame frame) {
        String name = frame.className();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
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
