package io.loopguard.agent.weave;

import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * A class writer that recomputes frames of woven methods without loading classes: ASM's default
 * {@code getCommonSuperClass} calls {@code Class.forName}, which from inside a transformer may load the very class
 * being transformed or deadlock on a class-loading lock.
 */
final class FrameComputingWriter extends ClassWriter {
    private final TypeHierarchy hierarchy;
    private final ClassLoader loader;

    FrameComputingWriter(ClassReader reader, TypeHierarchy hierarchy, ClassLoader loader) {
        super(reader, ClassWriter.COMPUTE_FRAMES);
        this.hierarchy = hierarchy;
        this.loader = loader;
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
        if (type1.equals(type2)) {
            return type1;
        }
        TypeHierarchy.Header h1 = hierarchy.header(loader, type1);
        TypeHierarchy.Header h2 = hierarchy.header(loader, type2);
        if (h1 == null || h2 == null || h1.isInterface() || h2.isInterface()) {
            return "java/lang/Object";
        }
        List<String> chain1 = hierarchy.superChain(loader, type1);
        for (String candidate : hierarchy.superChain(loader, type2)) {
            if (chain1.contains(candidate)) {
                return candidate;
            }
        }
        return "java/lang/Object";
    }
}
