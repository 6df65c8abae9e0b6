package io.loopguard.report.model;

import io.loopguard.format.CallSite;
import io.loopguard.format.Frame;
import java.util.List;

/**
 * Which frames are the user's: not JDK, not a well-known library or framework. Reports point at the first such
 * frame (the line a developer must change); when a stack has none, at its first non-JDK frame, else at stack[0].
 */
public final class StackFrames {

    /** Package prefixes treated as libraries: event-loop frameworks, drivers, pools, common infrastructure. */
    private static final List<String> LIBRARY_PREFIXES = List.of(
            "io.netty.", "io.vertx.", "reactor.", "io.projectreactor.", "io.reactivex.", "rx.",
            "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.", "org.h2.", "org.hsqldb.",
            "com.microsoft.sqlserver.", "org.sqlite.", "com.zaxxer.hikari.", "org.apache.", "org.springframework.",
            "org.hibernate.", "org.jboss.", "io.quarkus.", "io.smallrye.", "io.micronaut.", "io.grpc.", "okhttp3.",
            "okio.", "org.eclipse.jetty.", "io.undertow.", "com.fasterxml.", "com.google.", "org.slf4j.",
            "ch.qos.logback.", "kotlin.", "kotlinx.", "scala.", "akka.", "org.junit.", "org.testng.",
            "org.gradle.", "org.mockito.", "net.bytebuddy.", "io.loopguard.");

    private StackFrames() {
    }

    /** A JDK frame ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, {@code com.sun.}). */
    public static boolean isJdk(Frame frame) {
        return frame.isJdk();
    }

    /** A frame of a well-known library or framework (see {@link #LIBRARY_PREFIXES}). */
    public static boolean isLibrary(Frame frame) {
        String name = frame.className();
        for (String prefix : LIBRARY_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The user's own code. */
    public static boolean isApplication(Frame frame) {
        return !frame.isJdk() && !isLibrary(frame);
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
