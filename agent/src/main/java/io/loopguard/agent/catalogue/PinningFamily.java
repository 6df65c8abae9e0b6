package io.loopguard.agent.catalogue;

import io.loopguard.format.Category;

/**
 * A virtual thread that blocks while pinned to its carrier (JDK 21+). Nothing is woven: the JVM reports pins itself,
 * and the agent reads them from JFR ({@code io.loopguard.agent.jfr.JfrSource}). Its one rule beside the others: the
 * class-initialisation default does not apply (see {@code AllowList#allows}), since a class initializer that blocks
 * still pins its carrier after JEP 491.
 */
final class PinningFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.PINNING;
    }

    @Override
    public void declare(Rules rules) {
        // nothing to weave: see the class comment
    }

    /** The JFR reader already wrote the detail (what blocked and why it pinned). */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        return context instanceof String ? (String) context : null;
    }
}
