package io.loopguard.agent.weave;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Weaves one {@link MethodRule} into a method body.
 *
 * <p>For a timed call the shape is that of a try/finally around the original body:
 * <pre>
 *   long token = $LoopGuard.enter(SITE, context);   // may throw BlockingCallError (mode=throw), before any work
 *   try { original body } finally { if (token != 0) $LoopGuard.exit(token, SITE); }
 * </pre>
 * The catch-all handler is added last in the exception table (in {@link #visitMaxs}) so that the method's own
 * handlers keep priority; {@code enter} sits before the protected range so a rejection never runs {@code exit}.
 * Frames are recomputed by the class writer for woven methods only; untouched methods are copied as they are.
 */
final class HookAdapter extends AdviceAdapter {
    private final MethodRule rule;
    private final String owner;
    private final boolean isStatic;
    private final Label start = new Label();
    private int token = -1;

    HookAdapter(MethodVisitor next, int access, String name, String descriptor, String owner, MethodRule rule) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.rule = rule;
        this.owner = owner;
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
    }

    @Override
    protected void onMethodEnter() {
        switch (rule.kind()) {
            case TIMED:
                push(rule.site());
                rule.context().emit(this, owner, isStatic, getArgumentTypes());
                invokeHook("enter", HookNames.ENTER_DESC);
                token = newLocal(Type.LONG_TYPE);
                storeLocal(token);
                visitLabel(start);
                break;
            case THREAD_STARTING:
                loadThis();
                invokeHook("threadStarting", HookNames.THREAD_DESC);
                break;
            case LOOP_STARTED:
                invokeHook("loopStarted", "()V");
                break;
            default:
                break;
        }
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (opcode == ATHROW) {
            return; // throws are handled by the catch-all handler
        }
        switch (rule.kind()) {
            case TIMED:
                emitExit();
                break;
            case THREAD_RENAMED:
                loadThis();
                invokeHook("threadStarting", HookNames.THREAD_DESC);
                break;
            case SQL_PREPARED:
                if (opcode == ARETURN && getArgumentTypes().length > 0) {
                    dup();
                    loadArg(0);
                    invokeHook("sqlPrepared", HookNames.SQL_DESC);
                }
                break;
            default:
                break;
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (rule.kind() == MethodRule.Kind.TIMED) {
            Label handler = new Label();
            visitTryCatchBlock(start, handler, handler, "java/lang/Throwable");
            visitLabel(handler);
            emitExit();
            visitInsn(ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private void emitExit() {
        Label skip = new Label();
        loadLocal(token);
        visitInsn(LCONST_0);
        visitInsn(LCMP);
        visitJumpInsn(IFEQ, skip);
        loadLocal(token);
        push(rule.site());
        invokeHook("exit", HookNames.EXIT_DESC);
        visitLabel(skip);
    }

    private void invokeHook(String name, String descriptor) {
        visitMethodInsn(INVOKESTATIC, HookNames.HOOKS, name, descriptor, false);
    }
}
