package io.loopguard.agent.weave;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How direct calls to the blocking JDK methods that may be {@code native} ({@link NativeMethod}: {@code Thread.sleep},
 * {@code Object.wait}, {@code Thread.yield}, {@code RandomAccessFile.length/setLength}, {@code FileDescriptor.sync})
 * are caught: the one JDK 17/25 difference that reaches the transformers, chosen once at start-up by
 * {@code JdkDifferences.nativeCalls()} (by asking the running JDK, method by method, whether each is native, not by
 * version) and handed to whoever needs it, instead of a "JDK 17" boolean in every class on the way.
 * <ul>
 *   <li>{@link None} (JDK 22+): all of them are Java; their families' advice is woven into them like any other
 *       method, and no call site is touched.</li>
 *   <li>{@link Rewrite} (JDK 17 to 21, with the methods that are native there): advice cannot reach a native, so
 *       direct calls in application and library classes (found by {@link Prefilter}) and, for {@code wait}, in
 *       {@code java.lang.Thread} itself (whose {@code join} calls the native {@code wait}) are redirected to the
 *       runtime ({@link NativeCallRewriter}), which reports them under the fixed sites {@code SiteFlags.NATIVE_*}
 *       that the sleep, wait and file families declare.</li>
 * </ul>
 * The runtime's side of the rewrite ({@code Hooks.sleep}, {@code waitOn}, {@code fileLength}, ...) is always there;
 * where nothing is native, nothing calls it.
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

    /** The methods whose calls are rewritten (the ones native on this JDK); empty for {@link None}. */
    public abstract Set<NativeMethod> natives();

    // Chosen in premain: only the chosen subclass is ever loaded (no static instances that would load both).

    /** No blocking method is native here: nothing to rewrite. */
    public static final class None extends NativeCalls {
        @Override
        public boolean rewrites(String className, int prefilter) {
            return false;
        }

        @Override
        public boolean retransformsAtStartup(Class<?> loaded) {
            return false;
        }

        @Override
        public Set<NativeMethod> natives() {
            return Collections.emptySet();
        }
    }

    /** Rewrite the call sites of the given native methods. */
    public static final class Rewrite extends NativeCalls {
        private final Set<NativeMethod> natives;
        private final int prefilterBits;
        private final boolean threadItself;

        public Rewrite(Set<NativeMethod> natives) {
            this.natives = Collections.unmodifiableSet(EnumSet.copyOf(natives));
            int bits = 0;
            for (NativeMethod method : natives) {
                bits |= method.prefilterBit;
            }
            this.prefilterBits = bits;
            this.threadItself = natives.contains(NativeMethod.OBJECT_WAIT);
        }

        @Override
        public boolean rewrites(String className, int prefilter) {
            return (prefilter & prefilterBits) != 0 || (threadItself && className.equals("java/lang/Thread"));
        }

        @Override
        public boolean retransformsAtStartup(Class<?> loaded) {
            return threadItself && loaded == Thread.class; // loaded long before the agent: its join must be rewritten in place
        }

        @Override
        public Set<NativeMethod> natives() {
            return natives;
        }
    }
}
