package io.loopguard.junit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as it decides in a JVM without the agent (run by LoopGuardExtensionTest, not by Surefire). */
class InactiveAgentFixture {

    @RegisterExtension
    static final LoopGuardExtension LOOPGUARD = new LoopGuardExtension(() -> false, List::of);

    @Test
    void clean() {
    }
}
