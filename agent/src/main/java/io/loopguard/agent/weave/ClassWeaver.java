package io.loopguard.agent.weave;

import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Applies method rules and the JDK 17 call-site rewrite to one class, in one ASM pass.
 *
 * <p>Only advice-style changes are made (no added fields or methods), so the result is valid for retransformation
 * of already-loaded JDK classes without any JVM flag. Methods that are not woven are copied byte for byte, which
 * keeps the cost per class low and leaves their frames untouched.
 */
public final class ClassWeaver {
    private static final int NOT_WOVEN = Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE;
    private final TypeHierarchy hierarchy;

    public ClassWeaver(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    /**
     * The woven class, or null when nothing in it matched.
     *
     * @param rewriteNativeCalls whether {@link NativeCalls#rewrites} chose this class for the JDK 17 call-site rewrite
     */
    public byte[] weave(ClassLoader loader, ClassReader reader, List<MethodRule> rules, boolean rewriteNativeCalls) {
        boolean advice = rules != null && !rules.isEmpty();
        ClassWriter writer = advice ? new FrameComputingWriter(reader, hierarchy, loader) : new ClassWriter(reader, 0);
        Changes changes = new Changes();
        String self = reader.getClassName();
        String selfSuper = reader.getSuperName();
        NativeCallRewriter.ThreadTypes threads = new ThreadTypes(loader, self, selfSuper);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & NOT_WOVEN) != 0) {
                    return mv;
                }
                if (rewriteNativeCalls) {
                    mv = new NativeCallRewriter(mv, threads, changes);
                }
                MethodRule rule = advice && !name.startsWith("<") ? find(rules, name, descriptor) : null;
                if (rule != null) {
                    changes.woven = true;
                    mv = new HookAdapter(mv, access, name, descriptor, self, rule);
                }
                return mv;
            }
        }, advice ? ClassReader.SKIP_FRAMES : 0);
        return changes.woven ? writer.toByteArray() : null;
    }

    private static MethodRule find(List<MethodRule> rules, String name, String descriptor) {
        for (MethodRule rule : rules) {
            if (rule.matches(name, descriptor)) {
                return rule;
            }
        }
        return null;
    }

    /** Is the owner of a {@code sleep(J)V} call {@code Thread} or a subclass (an unqualified call inside one)? */
    private final class ThreadTypes implements NativeCallRewriter.ThreadTypes {
        private final ClassLoader loader;
        private final String self;
        private final String selfSuper;

        ThreadTypes(ClassLoader loader, String self, String selfSuper) {
            this.loader = loader;
            this.self = self;
            this.selfSuper = selfSuper;
        }

        @Override
        public boolean isThread(String owner) {
            String start = owner.equals(self) ? selfSuper : owner; // the class being woven cannot be read back yet
            return "java/lang/Thread".equals(owner) || "java/lang/Thread".equals(start)
                    || (start != null && hierarchy.isSubtypeOf(loader, start, "java/lang/Thread"));
        }
    }

    /** Whether anything was changed (a rule matched or a call was rewritten). */
    static final class Changes {
        boolean woven;
    }
}
