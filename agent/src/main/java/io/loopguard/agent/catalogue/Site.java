package io.loopguard.agent.catalogue;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/**
 * One kind of blocking call: its family, category, the public API it stands for, and the runtime flags. The
 * recorder reaches the family's rules (detail, would-it-block, machinery) through this record, found by index from
 * the site int: no search per call.
 *
 * @param site           the int woven into instrumented code (index and flags, see {@code SiteFlags})
 * @param family         the family that declared it
 * @param category       the contract category (the family's, or {@code park} for an allowed scope, never recorded)
 * @param syntheticFrame for the JDK 17 call-site rewrite only: the native method itself, which has no frame of its
 *                       own on the stack (the runtime hook stands in for it); null otherwise
 */
public record Site(int site, BlockingFamily family, Category category, String blockingMethod, Frame syntheticFrame) {
}
