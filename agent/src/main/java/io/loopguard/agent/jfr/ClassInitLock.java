package io.loopguard.agent.jfr;

import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.util.List;

import io.loopguard.agent.install.RuntimeBridge;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;

/**
 * Tells a thread's wait for the JVM's own class-linking lock from a contended {@code synchronized} on an
 * {@code int[]}.
 *
 * <p>Why this exists: HotSpot links a class (verifies and rewrites its bytecode) while holding the monitor of a lock
 * object that {@code java.lang.Class} keeps in a hidden field, an {@code int[0]} (on JDK 17 and 25 alike). A second
 * thread that needs the class meanwhile — its first {@code new}, static call or field access, or a
 * {@code Class.forName} — waits to enter that monitor, and JFR reports the wait as {@code jdk.JavaMonitorEnter} with
 * monitor class {@code int[]}. Seen in CI: a Vert.x loop's first {@code new} in {@code HttpUtils.params} waited for a
 * worker that was linking the same class. That is JVM warm-up like class loading, nothing the application can act
 * on, so it is not recorded.
 *
 * <p>The top frame tells the two apart: a wait for the linking lock stands at the instruction that needed the class
 * (or in a native method such as {@code Class.forName0}), a {@code synchronized} block at a {@code monitorenter},
 * which can never be a method's first instruction (its operand is pushed first); JFR places an interpreted frame
 * that waits to enter a monitor just past its {@code monitorenter}, so the byte before counts too (an operand byte
 * that happens to equal the opcode only keeps a wait recorded). Where the class file cannot be read the wait is
 * recorded: nothing is hidden without evidence. The index JFR gives is that of the running code, so in a
 * method the agent wove it may point elsewhere in the class file; the woven methods are the JDK's blocking calls,
 * which do not {@code synchronized} on an {@code int[]}.
 */
final class ClassInitLock {
    private static final String INT_ARRAY = "[I";

    private ClassInitLock() {
    }

    /**
     * Whether a {@code jdk.JavaMonitorEnter} event is a wait for a class's linking lock. The class file is read (and
     * the waiting thread's loader looked up) only for an {@code int[]} monitor whose top frame does not already tell.
     */
    static boolean isWaitFor(RecordedEvent event, RuntimeBridge runtime) {
        RecordedClass monitor = event.hasField("monitorClass") ? event.getClass("monitorClass") : null;
        if (monitor == null || !INT_ARRAY.equals(monitor.getName())) {
            return false;
        }
        RecordedFrame top = topJavaFrame(event.getStackTrace());
        if (top == null) {
            return false;
        }
        RecordedMethod method = top.getMethod();
        if (Modifier.isNative(method.getModifiers()) || top.getBytecodeIndex() == 0) {
            return true;
        }
        String resource = method.getType().getName().replace('.', '/') + ".class";
        ClassLoader loader = loaderOf(event.getThread("eventThread"), runtime);
        byte[] code = ClassFileCode.codeOf(classFile(loader, resource), method.getName(), method.getDescriptor());
        return code != null && !atMonitorEnter(code, top.getBytecodeIndex());
    }

    /**
     * Whether the frame stands at a {@code monitorenter}: JFR gives its index, or (an interpreted frame, measured on
     * JDK 17 and 25) the index of the next instruction, a {@code monitorenter} taking one byte. Unknown when the
     * index is outside the code, so not told apart.
     */
    static boolean atMonitorEnter(byte[] code, int bci) {
        if (bci < 0 || bci >= code.length) {
            return true;
        }
        return (code[bci] & 0xFF) == ClassFileCode.MONITORENTER
                || bci > 0 && (code[bci - 1] & 0xFF) == ClassFileCode.MONITORENTER;
    }

    /**
     * Where the waiting thread's code is found: its context class loader while it is still registered (the
     * application's loader on every framework here), else the system class loader.
     */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+, and this agent runs on 17
    private static ClassLoader loaderOf(RecordedThread recorded, RuntimeBridge runtime) {
        if (recorded != null) {
            for (Thread live : runtime.registeredThreads()) {
                if (live.getId() == recorded.getJavaThreadId()) {
                    return live.getContextClassLoader();
                }
            }
        }
        return ClassLoader.getSystemClassLoader();
    }

    /** The class file as a resource of {@code loader}; null when absent or when the loader fails (a user's loader may). */
    private static InputStream classFile(ClassLoader loader, String resource) {
        try {
            return loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static RecordedFrame topJavaFrame(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace == null ? List.of() : trace.getFrames();
        for (RecordedFrame frame : frames) {
            if (frame.isJavaFrame() && frame.getMethod() != null && frame.getMethod().getType() != null) {
                return frame;
            }
        }
        return null;
    }
}
