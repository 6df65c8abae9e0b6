package io.loopguard.agent.catalogue;

import io.loopguard.format.Category;

/**
 * Stalls: a registered thread busy longer than the stall limit with no recorded blocking call to explain it (a CPU
 * hog). Nothing is woven for them; the agent's watchdog samples the busy thread and records the site
 * ({@code io.loopguard.agent.stall}). Its busy/idle bracket is the loops' idle waits, declared as allow defaults by
 * {@link EventLoopFamily} and {@link FutureFamily}.
 */
final class StallFamily implements BlockingFamily {
    @Override
    public Category category() {
        return Category.STALL;
    }

    @Override
    public void declare(Rules rules) {
        // sampled, not woven
    }

    /** The watchdog's busiest sampled frame ({@code io.loopguard.agent.stall.BusyStretch}). */
    @Override
    public String describe(Object context, SqlRegistry sql) {
        return BlockingFamily.givenDetail(context);
    }
}
