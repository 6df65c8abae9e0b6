package io.loopguard.agent.catalogue;

import static io.loopguard.agent.weave.ContextSource.NONE;
import static io.loopguard.agent.weave.ContextSource.THIS;
import static io.loopguard.runtime.SiteFlags.CONDITIONAL;
import static io.loopguard.runtime.SiteFlags.SIGNALS_WAIT;

import io.loopguard.format.Category;

/**
 * {@code wait}: {@code Object.wait} (every overload) and {@code Thread.join}.
 *
 * <p>{@code join} counts only when it really waited (the joined thread was alive): the nested {@code wait} signals it.
 * JDK difference: on 17 {@code Object.wait(long)} is native and {@code join} calls it from inside {@code Thread};
 * the transformer therefore applies the call-site rewrite to {@code java.lang.Thread} itself on 17.
 */
final class WaitInstrumentation {
    private WaitInstrumentation() {
    }

    static void declare(Catalogue c) {
        c.timed("java/lang/Object", Category.WAIT, "java.lang.Object", SIGNALS_WAIT, NONE, "wait");
        c.timed("java/lang/Thread", Category.WAIT, "java.lang.Thread", CONDITIONAL, THIS, "join");
    }
}
