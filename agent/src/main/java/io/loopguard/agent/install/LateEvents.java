package io.loopguard.agent.install;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What {@code LoopGuard.recordedCallSites()} waits for before it answers: every source that records after the fact
 * (JFR's stream delivers a second late; the watchdog records a stall once the stall is over, at its next look).
 * The runtime holds one handle on {@link #catchUp()}; sources add themselves as they start.
 */
final class LateEvents {
    private final List<Runnable> sources = new CopyOnWriteArrayList<>();

    void add(Runnable source) {
        sources.add(source);
    }

    /** Target of the runtime's catch-up handle: each source in turn, never throwing. */
    public void catchUp() {
        for (Runnable source : sources) {
            try {
                source.run();
            } catch (RuntimeException e) {
                // a failing source must not fail the caller's snapshot
            }
        }
    }
}
