package io.loopguard.agent.weave;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * JDK 17 only: {@code Thread.sleep(long)}, {@code Object.wait(long)} and {@code Thread.yield()} are {@code native}
 * there, and advice needs a Java body. Adding a wrapper method would change the class format, which HotSpot refuses
 * on retransformation without {@code -XX:+AllowRedefinitionToAddDeleteMethods} (instrumentation.md, 3). So the call
 * sites in application and library code are redirected to runtime hooks of the same stack shape instead:
 * <pre>
 *   invokestatic  Thread.sleep(J)V   →  invokestatic $LoopGuard.sleep(J)V
 *   invokevirtual X.wait(J)V         →  invokestatic $LoopGuard.waitOn(Ljava/lang/Object;J)V   (wait is final in Object)
 *   invokestatic  Thread.yield()V    →  invokestatic $LoopGuard.yieldNow()V
 * </pre>
 * Same operands, same result, no new branch: neither frames nor max stack change. What stays out of reach: method
 * references ({@code Thread::yield} has no call site), reflection, and callers inside the JDK that are not woven.
 */
public final class NativeCallRewriter extends MethodVisitor {
    /** Answers whether the owner of a {@code sleep}/{@code yield} call is {@code java.lang.Thread} or a subclass. */
    interface ThreadTypes {
        boolean isThread(String internalName);
    }

    private final ThreadTypes threadTypes;
    private final ClassWeaver.Changes changes;

    NativeCallRewriter(MethodVisitor next, ThreadTypes threadTypes, ClassWeaver.Changes changes) {
        super(Opcodes.ASM9, next);
        this.threadTypes = threadTypes;
        this.changes = changes;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKESTATIC && "sleep".equals(name) && "(J)V".equals(descriptor) && threadTypes.isThread(owner)) {
            rewrite("sleep", "(J)V");
        } else if (opcode == Opcodes.INVOKESTATIC && "yield".equals(name) && "()V".equals(descriptor) && threadTypes.isThread(owner)) {
            rewrite("yieldNow", "()V");
        } else if ((opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) && "wait".equals(name) && "(J)V".equals(descriptor)) {
            rewrite("waitOn", "(Ljava/lang/Object;J)V");
        } else {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }

    private void rewrite(String hook, String descriptor) {
        changes.woven = true;
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HookNames.HOOKS, hook, descriptor, false);
    }
}
