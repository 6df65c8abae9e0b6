package io.loopguard.format;

import java.util.Objects;

/**
 * One stack frame of a blocking call site, as {@link StackTraceElement} would describe it.
 *
 * @param className  binary class name, e.g. {@code demo.UserHandler}
 * @param methodName method name
 * @param fileName   source file name, {@code null} when the class has no debug information
 * @param lineNumber source line, or a negative number when unknown (as in {@link StackTraceElement})
 */
public record Frame(String className, String methodName, String fileName, int lineNumber) {

    public Frame {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
    }

    /** Converts a JDK stack trace element (module and class-loader names are not part of the contract). */
    public static Frame of(StackTraceElement element) {
        return new Frame(element.getClassName(), element.getMethodName(), element.getFileName(),
                element.getLineNumber());
    }

    /**
     * True for frames of the JDK itself. Their line numbers change with every JDK update, so {@link CallSiteId}
     * ignores them, and reports fold them away.
     */
    public boolean isJdk() {
        return isJdkClass(className);
    }

    static boolean isJdkClass(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
