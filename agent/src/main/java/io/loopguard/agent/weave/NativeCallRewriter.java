package io.loopguard.agent.weave;

import java.util.Set;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * JDK 17 only (see {@link NativeMethod} for which methods, decided per method on the running JDK):
 * {@code Thread.sleep(long)}, {@code Object.wait(long)}, {@code Thread.yield()}, {@code RandomAccessFile.length()},
 * {@code RandomAccessFile.setLength(long)} and {@code FileDescriptor.sync()} are {@code native} there, and advice needs
 * a Java body. Adding a wrapper method would change the class format, which HotSpot refuses on retransformation
 * without {@code -XX:+AllowRedefinitionToAddDeleteMethods} (instrumentation.md, 3). So the call sites in application
 * and library code are redirected to runtime hooks of the same stack shape instead:
 * <pre>
 *   invokestatic  Thread.sleep(J)V              →  invokestatic $LoopGuard.sleep(J)V
 *   invokevirtual X.wait(J)V                    →  invokestatic $LoopGuard.waitOn(Ljava/lang/Object;J)V   (wait is final in Object)
 *   invokestatic  Thread.yield()V               →  invokestatic $LoopGuard.yieldNow()V
 *   invokevirtual RandomAccessFile.length()J    →  invokestatic $LoopGuard.fileLength(Ljava/io/RandomAccessFile;)J
 *   invokevirtual RandomAccessFile.setLength(J)V →  invokestatic $LoopGuard.setFileLength(Ljava/io/RandomAccessFile;J)V
 *   invokevirtual FileDescriptor.sync()V        →  invokestatic $LoopGuard.syncFile(Ljava/io/FileDescriptor;)V
 * </pre>
 * Same operands, same result, no new branch: neither frames nor max stack change. The hooks call the method
 * virtually, so an override in a subclass still runs. What stays out of reach: method references
 * ({@code Thread::yield} has no call site), reflection, callers inside the JDK that are not woven, and a call through
 * a subclass of {@code RandomAccessFile} from a class that never names {@code RandomAccessFile} itself (the
 * {@link Prefilter} does not pick that class).
 */
public final class NativeCallRewriter extends MethodVisitor {
    /** Answers whether the owner of a call is a class or one of its subclasses. */
    interface Types {
        boolean isSubtype(String internalName, String superName);
    }

    private final Set<NativeMethod> natives;
    private final Types types;
    private final ClassWeaver.Changes changes;

    NativeCallRewriter(MethodVisitor next, Set<NativeMethod> natives, Types types, ClassWeaver.Changes changes) {
        super(Opcodes.ASM9, next);
        this.natives = natives;
        this.types = types;
        this.changes = changes;
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        for (NativeMethod method : natives) {
            if (method.isCalledBy(opcode, owner, name, descriptor, types)) {
                changes.woven = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HookNames.HOOKS, method.hook, method.hookDescriptor, false);
                return;
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
}
