package io.loopguard.agent.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ConstantPoolRenamerTest {
    @Test
    void renamesTheClassAndEveryReferenceToTheRuntimeButNothingElse() throws Exception {
        byte[] renamed = RuntimeInjector.renamed("Hooks");
        ClassReader reader = new ClassReader(renamed);
        assertThat(reader.getClassName()).isEqualTo("java/lang/$LoopGuard");
        StringBuilder owners = new StringBuilder();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String n, String d, boolean itf) {
                        owners.append(owner).append(' ');
                    }
                };
            }
        }, 0);
        assertThat(owners.toString()).contains("java/lang/$LoopGuard$ThreadRegistry").contains("java/lang/Thread")
                .doesNotContain("io/loopguard/runtime");
        assertThat(new String(renamed, "ISO-8859-1")).doesNotContain("io/loopguard/runtime/");
    }
}
