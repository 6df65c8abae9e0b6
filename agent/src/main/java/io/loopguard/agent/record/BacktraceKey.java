package io.loopguard.agent.record;

import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A 64-bit key of a throwable's stack computed from the VM's unresolved backtrace ({@code Throwable.backtrace}), so a
 * repeated call site is recognised without resolving its frames into {@link StackTraceElement}s.
 *
 * <p>Why: on JDK 17 a repeated site cost 4.5 µs (bench/results.md), most of it {@code getStackTrace()} turning the
 * backtrace into elements and strings ({@code StackTraceElement.initStackTraceElements}, {@code StackTraceElement.of}
 * in a JMH stack profile); the walk itself ({@code fillInStackTrace}) is the smaller part. The backtrace already
 * identifies every frame (method id number, bytecode index, the class's mirror, the method name's symbol), which is
 * finer than the site key (class, method, line): one site may have several backtrace keys, never the reverse, so
 * {@link CallSiteTable} stays the one place that decides what a call site is, and this key only caches its answer.
 *
 * <p>Hazard: the backtrace's layout is the VM's private business ({@code java_lang_Throwable} in javaClasses.hpp:
 * chunks of {@code Object[]} holding a {@code short[]} of method ids, an {@code int[]} of bytecode indexes, an
 * {@code Object[]} of class mirrors, the method names, since JDK 21 the continuations, and the next chunk). So this
 * reads it generically: primitive arrays by content, object arrays by the identity of their elements, and the one
 * element that is an {@code Object[]} as long as the chunk itself as the next chunk. Anything unexpected (no handle,
 * not an array, too many chunks) gives {@link #NONE} and the caller resolves the stack the slow way. A collision of
 * two different stacks on one 64-bit key would count one site's call on another; with at most {@code maxSites}
 * stacks in play its probability is negligible (~n²/2⁶⁵).
 */
final class BacktraceKey {
    static final long NONE = 0L;
    /** 1024 frames (the JVM's MaxJavaStackTraceDepth default) in chunks of 32, with room to spare. */
    private static final int MAX_CHUNKS = 64;

    private final VarHandle backtrace;

    BacktraceKey(VarHandle backtrace) {
        this.backtrace = backtrace;
    }

    /** The throwable's unresolved backtrace, as {@link #of(Object, int)} and {@link #same} take it. */
    Object backtraceOf(Throwable throwable) {
        return backtrace.get(throwable);
    }

    long of(Throwable throwable, int site) {
        return of(backtraceOf(throwable), site);
    }

    long of(Object first, int site) {
        if (!(first instanceof Object[])) {
            return NONE;
        }
        Object[] chunk = (Object[]) first;
        int chunkLength = chunk.length;
        long h = 0x9E3779B97F4A7C15L ^ site;
        for (int chunks = 0; chunk != null; chunks++) {
            if (chunks == MAX_CHUNKS) {
                return NONE;
            }
            Object[] next = null;
            for (Object element : chunk) {
                if (element instanceof int[]) {
                    for (int v : (int[]) element) {
                        h = h * 31 + v;
                    }
                } else if (element instanceof short[]) {
                    for (short v : (short[]) element) {
                        h = h * 31 + v;
                    }
                } else if (element instanceof long[]) {
                    for (long v : (long[]) element) {
                        h = h * 31 + v;
                    }
                } else if (element instanceof Object[]) {
                    Object[] array = (Object[]) element;
                    if (array.length == chunkLength) {
                        next = array;
                    } else {
                        for (Object v : array) {
                            h = h * 31 + (v == null ? 0 : System.identityHashCode(v));
                        }
                    }
                } else if (element != null) {
                    h = h * 31 + System.identityHashCode(element);
                }
            }
            h = h * 31 + 1; // chunk boundary
            chunk = next;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == NONE ? 1 : h;
    }

    /**
     * Whether two backtraces hold the same frames, element by element with the same generic reading as {@link #of}:
     * primitive arrays by content, object arrays by the identity of their elements. Exact (no hash to collide), and
     * cheaper than hashing one backtrace: a repeated site's backtrace compares in a few vectorized array comparisons
     * where {@link #of} multiplies every element in (about 110 ns for 22 frames on JDK 17). Anything unexpected is
     * "not the same", which only sends the caller to the hashed path.
     */
    static boolean same(Object first, Object other) {
        if (!(first instanceof Object[]) || !(other instanceof Object[])) {
            return false;
        }
        Object[] a = (Object[]) first;
        Object[] b = (Object[]) other;
        int chunkLength = a.length;
        for (int chunks = 0; a != null; chunks++) {
            if (b == null || a.length != b.length || chunks == MAX_CHUNKS) {
                return false;
            }
            Object[] nextA = null;
            Object[] nextB = null;
            for (int i = 0; i < a.length; i++) {
                Object x = a[i];
                Object y = b[i];
                if (x == y) {
                    continue;
                }
                if (x == null || y == null || x.getClass() != y.getClass()) {
                    return false;
                }
                if (x instanceof int[]) {
                    if (!Arrays.equals((int[]) x, (int[]) y)) {
                        return false;
                    }
                } else if (x instanceof short[]) {
                    if (!Arrays.equals((short[]) x, (short[]) y)) {
                        return false;
                    }
                } else if (x instanceof long[]) {
                    if (!Arrays.equals((long[]) x, (long[]) y)) {
                        return false;
                    }
                } else if (x instanceof Object[]) {
                    Object[] xs = (Object[]) x;
                    Object[] ys = (Object[]) y;
                    if (xs.length != ys.length) {
                        return false;
                    }
                    if (xs.length == chunkLength) {
                        nextA = xs;
                        nextB = ys;
                    } else {
                        for (int j = 0; j < xs.length; j++) {
                            if (xs[j] != ys[j]) {
                                return false;
                            }
                        }
                    }
                } else {
                    return false; // another object, compared by identity in the hash: not identical here
                }
            }
            a = nextA;
            b = nextB;
        }
        return b == null;
    }
}
