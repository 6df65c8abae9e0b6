package io.loopguard.agent.weave;

import java.util.List;
import java.util.Set;

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
    private final Set<NativeMethod> natives;
    private final WovenMethods woven;

    /** @param natives the methods that are native on this JDK ({@link NativeCalls#natives()}): their calls are rewritten */
    public ClassWeaver(TypeHierarchy hierarchy, Set<NativeMethod> natives) {
        this(hierarchy, natives, new WovenMethods());
    }

    /** @param woven where each method given hooks is noted ({@link WovenMethods}) */
    public ClassWeaver(TypeHierarchy hierarchy, Set<NativeMethod> natives, WovenMethods woven) {
        this.hierarchy = hierarchy;
        this.natives = natives;
        this.woven = woven;
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
        NativeCallRewriter.Types types = new Types(loader, self, selfSuper);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if ((access & NOT_WOVEN) != 0) {
                    return mv;
                }
                if (rewriteNativeCalls && !natives.isEmpty()) {
                    mv = new NativeCallRewriter(mv, natives, types, changes);
                }
                MethodRule rule = advice && !name.startsWith("<") ? find(rules, name, descriptor) : null;
                if (rule != null) {
                    changes.woven = true;
                    woven.add(self, name, (access & Opcodes.ACC_SYNCHRONIZED) != 0);
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

    /**
     * Is the owner of a call to a native blocking method its declaring class or a subclass (an unqualified
     * {@code sleep} inside a {@code Thread} subclass, a {@code RandomAccessFile} subclass's {@code length()})?
     */
    private final class Types implements NativeCallRewriter.Types {
        private final ClassLoader loader;
        private final String self;
        private final String selfSuper;

        Types(ClassLoader loader, String self, String selfSuper) {
            this.loader = loader;
            this.self = self;
            this.selfSuper = selfSuper;
        }

        @Override
        public boolean isSubtype(String owner, String superName) {
            String start = owner.equals(self) ? selfSuper : owner; // the class being woven cannot be read back yet
            return superName.equals(owner) || superName.equals(start)
                    || (start != null && hierarchy.isSubtypeOf(loader, start, superName));
        }
    }

    /** Whether anything was changed (a rule matched or a call was rewritten). */
    static final class Changes {
        boolean woven;
    }
}
