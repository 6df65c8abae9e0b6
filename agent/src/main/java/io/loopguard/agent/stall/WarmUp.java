package io.loopguard.agent.stall;

/**
 * A sampled stack that is the JVM warming up, not the application's work: class initialisation, class loading and
 * definition, and the linking of {@code invokedynamic} and method handles. A cold loop does these once; like the
 * other JVM-machinery defaults, time sampled inside them does not count towards a stall.
 */
final class WarmUp {
    private WarmUp() {
    }

    static boolean isWarmUp(StackTraceElement[] frames) {
        for (StackTraceElement frame : frames) {
            String method = frame.getMethodName();
            if (method.equals("<clinit>")) {
                return true;
            }
            String type = frame.getClassName();
            if (type.equals("java.lang.ClassLoader") && (method.startsWith("loadClass") || method.startsWith("defineClass"))) {
                return true;
            }
            if (type.equals("java.lang.invoke.MethodHandleNatives") && method.startsWith("link")) {
                return true;
            }
        }
        return false;
    }
}
