package io.loopguard.agent.weave;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The methods the weaver has given a blocking call's hooks, by class and method name as a stack frame shows them (the
 * concrete class: a driver's {@code PgPreparedStatement.executeQuery}, not the interface a rule names). What it is
 * for: a contended monitor that JFR reports with one of these below it on the stack happened inside a blocking call,
 * which already counts the wait in its own time (nested calls count once, as the outermost), so it is not a
 * {@code monitor} call site of its own. Filled as classes are woven (a few hundred methods at most), read by the agent's
 * JFR thread.
 */
public final class WovenMethods {
    private final Set<String> methods = ConcurrentHashMap.newKeySet();
    /** Those of {@link #methods} that are not {@code synchronized} (by name: one such overload is enough). */
    private final Set<String> unsynchronized = ConcurrentHashMap.newKeySet();

    /** {@code internalClassName} as in a class file ({@code java/nio/file/Files}); {@code synchronizedMethod} its flag. */
    void add(String internalClassName, String method, boolean synchronizedMethod) {
        String key = internalClassName.replace('/', '.') + '#' + method;
        methods.add(key);
        if (!synchronizedMethod) {
            unsynchronized.add(key);
        }
    }

    /**
     * Whether a contended entry with this stack waited inside a woven method: one below the top frame, or the top
     * frame itself unless it is a {@code synchronized} method (whose monitor is entered before its hooks run, so that
     * wait is outside the call; a {@code synchronized} block inside a woven method is inside it).
     */
    public boolean enclose(StackTraceElement[] frames) {
        if (frames.length > 0 && unsynchronized.contains(frames[0].getClassName() + '#' + frames[0].getMethodName())) {
            return true;
        }
        for (int i = 1; i < frames.length; i++) {
            if (methods.contains(frames[i].getClassName() + '#' + frames[i].getMethodName())) {
                return true;
            }
        }
        return false;
    }
}
