package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link BacktraceKey#same} and {@link BacktraceKey#of(Object, int)} on backtraces laid out as the VM lays them out
 * (JDK 17: chunks of method ids, bytecode indexes, class mirrors, name symbols, the next chunk, a hidden-frame marker),
 * built here from plain arrays: the unit tests run outside {@code java.base}, where the real field cannot be read.
 * Real backtraces are exercised by {@code RepeatedSitesIT} on JDK 17 and 25.
 */
class BacktraceKeyTest {
    private static final int CHUNK = 6;
    private static final int FRAMES = 32;

    /** A backtrace of {@code depth} frames; frame {@code i} has method id i, bytecode index {@code bci + i}. */
    private static Object[] backtrace(int depth, int bci, Class<?> top) {
        Object[] head = null;
        Object[] previous = null;
        for (int start = 0; start < depth; start += FRAMES) {
            short[] methods = new short[FRAMES];
            int[] bcis = new int[FRAMES];
            Object[] mirrors = new Object[FRAMES];
            long[] names = new long[FRAMES];
            for (int i = start; i < Math.min(depth, start + FRAMES); i++) {
                methods[i - start] = (short) i;
                bcis[i - start] = bci + i;
                mirrors[i - start] = i == 0 ? top : BacktraceKeyTest.class;
                names[i - start] = 1000 + i;
            }
            Object[] chunk = {methods, bcis, mirrors, names, null, null};
            if (previous == null) {
                head = chunk;
            } else {
                previous[4] = chunk;
            }
            previous = chunk;
        }
        return head;
    }

    @Test
    void equalFramesInOtherArraysAreTheSame() {
        Object[] a = backtrace(70, 5, String.class);
        Object[] b = backtrace(70, 5, String.class);
        assertThat(BacktraceKey.same(a, b)).isTrue();
        assertThat(BacktraceKey.same(b, a)).isTrue();
        assertThat(new BacktraceKey(null).of(a, 7)).isEqualTo(new BacktraceKey(null).of(b, 7));
    }

    @Test
    void aFrameThatDiffersAnywhereMakesThemDifferent() {
        Object[] a = backtrace(70, 5, String.class);
        assertThat(BacktraceKey.same(a, backtrace(70, 6, String.class))).as("bytecode index").isFalse();
        assertThat(BacktraceKey.same(a, backtrace(70, 5, Integer.class))).as("class").isFalse();
        assertThat(BacktraceKey.same(a, backtrace(71, 5, String.class))).as("one frame more, in a third chunk").isFalse();
        assertThat(BacktraceKey.same(a, backtrace(64, 5, String.class))).as("a chunk fewer").isFalse();
        Object[] deepChange = backtrace(70, 5, String.class);
        Object[] second = (Object[]) deepChange[4];
        ((int[]) second[1])[3]++;
        assertThat(BacktraceKey.same(a, deepChange)).as("a bytecode index in the second chunk").isFalse();
    }

    @Test
    void anythingUnexpectedIsNotTheSame() {
        Object[] a = backtrace(3, 5, String.class);
        assertThat(BacktraceKey.same(null, a)).isFalse();
        assertThat(BacktraceKey.same(a, null)).isFalse();
        assertThat(BacktraceKey.same("not a backtrace", "not a backtrace")).isFalse();
        Object[] odd = backtrace(3, 5, String.class);
        Object[] oddToo = backtrace(3, 5, String.class);
        odd[5] = new Object();
        oddToo[5] = new Object();
        assertThat(BacktraceKey.same(odd, oddToo)).as("an unknown element that is not identical").isFalse();
    }
}
