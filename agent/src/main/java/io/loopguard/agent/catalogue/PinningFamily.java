package io.loopguard.agent.catalogue;

import io.loopguard.format.Category;

/**
 * A virtual thread that blocks while pinned to its carrier (JDK 21+), read from JFR's {@code jdk.VirtualThreadPinned};
 * the detail is what blocked and why it pinned. Its one rule beside the others: the class-initialisation default does
 * not apply (see {@code AllowList#allows}), since a class initializer that blocks still pins its carrier after JEP 491.
 */
final class PinningFamily extends JfrFamily {
    @Override
    public Category category() {
        return Category.PINNING;
    }
}
