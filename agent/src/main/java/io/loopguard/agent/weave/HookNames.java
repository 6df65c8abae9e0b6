package io.loopguard.agent.weave;

/**
 * Internal names and descriptors of the runtime hooks that woven code calls.
 *
 * <p>The runtime is compiled as {@code io.loopguard.runtime.Hooks} but lives at run time inside {@code java.base}
 * as {@code java.lang.$LoopGuard} (the agent's {@code RuntimeInjector} renames it), so woven code names the latter.
 */
public final class HookNames {
    public static final String RUNTIME_PACKAGE = "io/loopguard/runtime/";
    public static final String HOLDER_PREFIX = "java/lang/$LoopGuard";
    public static final String HOOKS = HOLDER_PREFIX;

    static final String ENTER_DESC = "(ILjava/lang/Object;)J";
    static final String EXIT_DESC = "(JI)V";
    static final String THREAD_DESC = "(Ljava/lang/Thread;)V";
    static final String SQL_DESC = "(Ljava/lang/Object;Ljava/lang/Object;)V";

    private HookNames() {
    }

    /** The run-time (bootstrap) name of a runtime class: {@code io/loopguard/runtime/Hooks} → {@code java/lang/$LoopGuard}. */
    public static String holderName(String runtimeInternalName) {
        String simple = runtimeInternalName.substring(RUNTIME_PACKAGE.length());
        return simple.equals("Hooks") ? HOLDER_PREFIX : HOLDER_PREFIX + "$" + simple;
    }
}
