package io.loopguard.junit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension while the agent drops calls at its call-site bound (run by LoopGuardExtensionTest only). */
class DroppedCallsFixture {

    static final AtomicLong DROPPED = new AtomicLong(5);

    @RegisterExtension
    static final LoopGuardExtension LOOPGUARD = new LoopGuardExtension(() -> true, List::of, DROPPED::get);

    @Test
    void dropsCalls() {
        DROPPED.addAndGet(3);
    }

    @Test
    void dropsNothing() {
    }
}
