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

    // equals and hashCode by hand: a record's generated ones bootstrap java.lang.runtime.ObjectMethods through
    // invokedynamic on first use, and reports use frames as map keys inside the user's JVM at exit.
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Frame)) {
            return false;
        }
        Frame that = (Frame) other;
        return lineNumber == that.lineNumber && className.equals(that.className) && methodName.equals(that.methodName)
                && Objects.equals(fileName, that.fileName);
    }

    @Override
    public int hashCode() {
        int hash = className.hashCode();
        hash = 31 * hash + methodName.hashCode();
        hash = 31 * hash + (fileName == null ? 0 : fileName.hashCode());
        return 31 * hash + lineNumber;
    }

    /**
     * The one rule for "a class of the JDK itself" (frames, callers, line-independent ids): {@code java.},
     * {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}.
     */
    public static boolean isJdkClass(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.") || className.startsWith("com.sun.");
    }
}
