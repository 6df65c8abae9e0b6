package io.loopguard.agent.catalogue;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * One kind of blocking call: its category, the public API it stands for, and the runtime flags.
 *
 * @param site           the int woven into instrumented code (index and flags, see {@code SiteFlags})
 * @param syntheticFrame for the JDK 17 call-site rewrite only: the native method itself, which has no frame of its
 *                       own on the stack (the runtime hook stands in for it); null otherwise
 */
public record Site(int site, Category category, String blockingMethod, Frame syntheticFrame) {
}
