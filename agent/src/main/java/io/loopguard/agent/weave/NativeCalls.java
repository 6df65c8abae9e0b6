package io.loopguard.agent.weave;

/**
 * How direct calls to {@code Thread.sleep(long)}, {@code Object.wait(long)} and {@code Thread.yield()} are caught:
 * the one JDK 17/25 difference that reaches the transformers, chosen once at start-up by
 * {@code JdkDifferences.nativeCalls()} (by asking the running JDK whether the methods are native, not by version)
 * and handed to whoever needs it, instead of a "JDK 17" boolean in every class on the way.
 * <ul>
 *   <li>{@link None} (JDK 19+): the three methods are Java; their families' advice is woven into them like any
 *       other method, and no call site is touched.</li>
 *   <li>{@link Rewrite} (JDK 17, 18): they are {@code native}, so advice cannot reach them; direct calls in
 *       application and library classes (found by {@link Prefilter}) and in {@code java.lang.Thread} itself (whose
 *       {@code join} calls the native {@code wait}) are redirected to the runtime ({@link NativeCallRewriter}),
 *       which reports them under the fixed sites {@code SiteFlags.NATIVE_*} that the sleep and wait families
 *       declare.</li>
 * </ul>
 * The runtime's side of the rewrite ({@code Hooks.sleep}, {@code waitOn}, {@code yieldNow}) is always there; on
 * JDK 19+ nothing calls it.
 */
public abstract class NativeCalls {
    NativeCalls() {
    }

    /**
     * Whether the calls inside this class must be rewritten ({@code ClassWeaver.weave}'s last argument); an
     * application class for which this is true waits for the agent's start-up before it loads.
     *
     * @param prefilter the class file's {@link Prefilter#scan} bits (0 when it was not scanned: a JDK class)
     */
    public abstract boolean rewrites(String className, int prefilter);

    /** Whether an already loaded class must be retransformed at start-up for the rewrite, beyond the catalogue's. */
    public abstract boolean retransformsAtStartup(Class<?> loaded);

    // Chosen in premain: only the chosen subclass is ever loaded (no static instances that would load both).

    /** JDK 19+: nothing to rewrite. */
    public static final class None extends NativeCalls {
        @Override
        public boolean rewrites(String className, int prefilter) {
            return false;
        }

        @Override
        public boolean retransformsAtStartup(Class<?> loaded) {
            return false;
        }
    }

    /** JDK 17 and 18: rewrite the call sites. */
    public static final class Rewrite extends NativeCalls {
        @Override
        public boolean rewrites(String className, int prefilter) {
            return (prefilter & Prefilter.MAY_CALL_BLOCKING_NATIVES) != 0 || className.equals("java/lang/Thread");
        }

        @Override
        public boolean retransformsAtStartup(Class<?> loaded) {
            return loaded == Thread.class; // loaded long before the agent: its join must be rewritten in place
        }
    }
}
