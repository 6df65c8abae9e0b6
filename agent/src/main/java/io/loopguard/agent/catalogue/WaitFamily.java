package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.CONDITIONAL;
import static io.loopguard.runtime.SiteFlags.SIGNALS_WAIT;

import io.loopguard.format.Category;
import io.loopguard.runtime.SiteFlags;

/**
 * {@code wait}: {@code Object.wait} (every overload) and {@code Thread.join}.
 *
 * <p>{@code join} counts only when it really waited (the joined thread was alive): the nested {@code wait} signals it.
 * JDK difference: on 17 {@code Object.wait(long)} is native and {@code join} calls it from inside {@code Thread};
 * the call-site rewrite ({@code NativeCalls}) therefore also applies to {@code java.lang.Thread} itself on 17.
 */
final class WaitFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.WAIT;
    }

    @Override
    public void declare(Rules rules) {
        rules.timed("java/lang/Object", "java.lang.Object", SIGNALS_WAIT, NONE, "wait");
        rules.timed("java/lang/Thread", "java.lang.Thread", CONDITIONAL, THIS, "join");
        rules.rewrittenNative(SiteFlags.NATIVE_WAIT, "java.lang.Object.wait", "Object.java");
    }

    /**
     * Only the rewritten native {@code wait} of JDK 17 hands a context: the monitor, which can be any object. It is
     * described as the family that knows its type would describe it (a monitor that is a path shows the path).
     */
    @Override
    public String describe(Object context, SqlRegistry sql) throws Exception {
        for (BlockingFamily family : Families.all()) {
            if (family != this) {
                String detail = family.describe(context, sql);
                if (detail != null) {
                    return detail;
                }
            }
        }
        return null;
    }

    @Override
    public boolean wouldBlock(Site site, Object target) {
        return target instanceof Thread && ((Thread) target).isAlive();
    }
}
