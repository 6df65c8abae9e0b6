package io.loopguard.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/**
 * The class-file reader behind {@link ClassInitLock} and its test for a {@code monitorenter}, on methods whose
 * bytecode javac writes one way only.
 */
class ClassFileCodeTest {
    private static final String SELF = "ClassFileCodeTest.class";

    /** {@code aload_0, dup, astore_1, monitorenter, aload_0, ...}: the monitorenter at index 3. */
    static void lockOn(int[] lock) {
        synchronized (lock) {
            lock[0]++;
        }
    }

    /** {@code new} at index 0. */
    static Object make() {
        return new StringBuilder();
    }

    static final long LONG_CONSTANT = 1L << 40; // two-slot constant-pool entries before the methods
    static final double DOUBLE_CONSTANT = Math.PI;

    @Test
    void readsAMethodsCode() {
        byte[] code = code("lockOn", "([I)V");
        assertThat(code).isNotNull();
        assertThat(code[0] & 0xFF).as("aload_0").isEqualTo(0x2A);
        assertThat(code[3] & 0xFF).isEqualTo(ClassFileCode.MONITORENTER);
        assertThat(code("make", "()Ljava/lang/Object;")[0] & 0xFF).as("new").isEqualTo(0xBB);
    }

    @Test
    void aMonitorEnterIsFoundAtItsIndexAndAtTheNext() {
        byte[] code = code("lockOn", "([I)V");
        assertThat(ClassInitLock.atMonitorEnter(code, 3)).as("compiled frames: the monitorenter itself").isTrue();
        assertThat(ClassInitLock.atMonitorEnter(code, 4)).as("interpreted frames: just past it").isTrue();
        assertThat(ClassInitLock.atMonitorEnter(code, 2)).isFalse();
        assertThat(ClassInitLock.atMonitorEnter(code("make", "()Ljava/lang/Object;"), 0)).isFalse();
        assertThat(ClassInitLock.atMonitorEnter(code, 10_000)).as("outside the code: not told apart").isTrue();
    }

    @Test
    void answersNothingRatherThanGuessing() {
        assertThat(code("noSuchMethod", "()V")).isNull();
        assertThat(code("make", "()Ljava/lang/String;")).as("another descriptor").isNull();
        assertThat(ClassFileCode.codeOf(null, "make", "()V")).isNull();
        assertThat(ClassFileCode.codeOf(new ByteArrayInputStream(new byte[] {(byte) 0xCA, (byte) 0xFE}), "make",
                "()V")).as("truncated").isNull();
        assertThat(ClassFileCode.codeOf(new ByteArrayInputStream(new byte[16]), "make", "()V"))
                .as("not a class file").isNull();
    }

    @Test
    void readsTheJdksOwnClassFiles() {
        byte[] code = ClassFileCode.codeOf(ClassLoader.getSystemResourceAsStream("java/lang/Class.class"), "forName",
                "(Ljava/lang/String;)Ljava/lang/Class;");
        assertThat(code).isNotNull().isNotEmpty();
        assertThat(ClassFileCode.codeOf(ClassLoader.getSystemResourceAsStream("java/lang/Object.class"), "hashCode",
                "()I")).as("native: no code").isNull();
    }

    private static byte[] code(String method, String descriptor) {
        return ClassFileCode.codeOf(ClassFileCodeTest.class.getResourceAsStream(SELF), method, descriptor);
    }
}
