package io.loopguard.format;

import java.util.List;
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
     * Package prefixes of well-known libraries, frameworks, drivers and agents: not the application's code. The one
     * list behind call-site ids ({@link CallSiteId}) and the reports' "application frame".
     */
    public static final List<String> LIBRARY_PREFIXES = List.of(
            "io.netty.", "io.vertx.", "reactor.", "io.projectreactor.", "io.reactivex.", "rx.",
            "org.postgresql.", "com.mysql.", "org.mariadb.", "oracle.jdbc.", "org.h2.", "org.hsqldb.",
            "com.microsoft.sqlserver.", "org.sqlite.", "com.zaxxer.hikari.", "org.apache.", "org.springframework.",
            "org.hibernate.", "org.jboss.", "io.quarkus.", "io.smallrye.", "io.micronaut.", "io.grpc.", "okhttp3.",
            "okio.", "org.eclipse.jetty.", "io.undertow.", "com.fasterxml.", "com.google.", "org.slf4j.",
            "ch.qos.logback.", "kotlin.", "kotlinx.", "scala.", "akka.", "org.junit.", "org.testng.",
            "org.gradle.", "org.mockito.", "net.bytebuddy.",
            // loopguard's own code, not the demo or a user's io.loopguard.* application
            "io.loopguard.agent.", "io.loopguard.runtime.", "io.loopguard.format.", "io.loopguard.report.",
            "io.loopguard.junit.", "io.loopguard.maven.", "io.loopguard.shaded.", "io.loopguard.LoopGuard",
            // Java agents: their frames sit between the framework and the application's handler.
            "io.opentelemetry.", "co.elastic.apm.", "datadog.", "com.datadog.", "com.newrelic.", "com.nr.",
            "org.jacoco.", "io.micrometer.");

    /**
     * Package prefixes that are the application's whatever {@link #LIBRARY_PREFIXES} says (the agent's
     * {@code appPackages}, the CLI's {@code --app-packages}, the Maven plugin's {@code appPackages}): code written at
     * an organisation whose name is on the list is still that user's application.
     */
    private static volatile String[] applicationPackages = new String[0];

    /** Sets the {@link #applicationPackages} of this JVM: {@code com.acme} stands for {@code com.acme.*}. */
    public static void applicationPackages(List<String> packages) {
        String[] prefixes = new String[packages.size()];
        for (int i = 0; i < prefixes.length; i++) {
            String p = packages.get(i);
            prefixes[i] = p.endsWith(".") ? p : p + ".";
        }
        applicationPackages = prefixes;
    }

    /** A frame of a well-known library or framework ({@link #LIBRARY_PREFIXES}); never a JDK frame. */
    public boolean isLibrary() {
        return isLibraryClass(className);
    }

    /** The application's own code: neither the JDK nor a known library. */
    public boolean isApplication() {
        return isApplicationClass(className);
    }

    /** {@link #isApplication()} of a frame of this class. */
    public static boolean isApplicationClass(String className) {
        return !isJdkClass(className) && !isLibraryClass(className);
    }

    private static boolean isLibraryClass(String name) {
        String[] application = applicationPackages;
        for (int i = 0; i < application.length; i++) {
            if (name.startsWith(application[i])) {
                return false;
            }
        }
        for (int i = 0; i < LIBRARY_PREFIXES.size(); i++) { // no iterator lambda: runs in the agent at exit too
            if (name.startsWith(LIBRARY_PREFIXES.get(i))) {
                return true;
            }
        }
        return false;
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
