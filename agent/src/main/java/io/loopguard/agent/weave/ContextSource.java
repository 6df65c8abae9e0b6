package io.loopguard.agent.weave;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.GeneratorAdapter;

/**
 * The one object an instrumented call hands to the runtime at entry, from which the recorder later derives the
 * {@code detail} (a path, an address, SQL) or decides whether the call blocks at all (a channel's mode, a lock's
 * state). Only cheap loads are emitted (no calls), because this runs on every thread, registered or not.
 */
public abstract class ContextSource {
    public static final ContextSource NONE = new ContextSource() {
        @Override
        void emit(GeneratorAdapter code, String owner, boolean isStatic, Type[] args) {
            code.visitInsn(Opcodes.ACONST_NULL);
        }
    };

    public static final ContextSource THIS = new ContextSource() {
        @Override
        void emit(GeneratorAdapter code, String owner, boolean isStatic, Type[] args) {
            if (isStatic) {
                code.visitInsn(Opcodes.ACONST_NULL);
            } else {
                code.loadThis();
            }
        }
    };

    /** The first argument if it is a reference (a path, an address, SQL text), else null. */
    public static final ContextSource FIRST_ARG = new ContextSource() {
        @Override
        void emit(GeneratorAdapter code, String owner, boolean isStatic, Type[] args) {
            if (args.length > 0 && (args[0].getSort() == Type.OBJECT || args[0].getSort() == Type.ARRAY)) {
                code.loadArg(0);
            } else {
                code.visitInsn(Opcodes.ACONST_NULL);
            }
        }
    };

    /** A reference field of the instrumented object itself, e.g. the private {@code path} of FileInputStream. */
    public static ContextSource field(String name, String descriptor) {
        return new ContextSource() {
            @Override
            void emit(GeneratorAdapter code, String owner, boolean isStatic, Type[] args) {
                if (isStatic) {
                    code.visitInsn(Opcodes.ACONST_NULL);
                } else {
                    code.loadThis();
                    code.visitFieldInsn(Opcodes.GETFIELD, owner, name, descriptor);
                }
            }
        };
    }

    abstract void emit(GeneratorAdapter code, String owner, boolean isStatic, Type[] args);
}
