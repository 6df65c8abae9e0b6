package io.loopguard.agent.install;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.loopguard.agent.weave.NativeCalls;
import io.loopguard.agent.weave.Prefilter;

class JdkDifferencesTest {
    @Test
    void theNativeCallRewriteIsChosenOnlyWhereSleepWaitAndYieldAreNative() {
        NativeCalls chosen = JdkDifferences.nativeCalls();
        // Thread.sleep(long), Object.wait(long) and Thread.yield() became Java methods in JDK 19 (Loom)
        assertThat(chosen).isInstanceOf(Runtime.version().feature() < 19 ? NativeCalls.Rewrite.class : NativeCalls.None.class);
    }

    @Test
    void theRewriteCoversCallersOfTheNativesAndThreadItself() {
        NativeCalls rewrite = new NativeCalls.Rewrite();
        assertThat(rewrite.rewrites("com/acme/Poller", Prefilter.MAY_CALL_BLOCKING_NATIVES)).isTrue();
        assertThat(rewrite.rewrites("com/acme/Dao", Prefilter.MAY_IMPLEMENT_JDBC)).isFalse();
        assertThat(rewrite.rewrites("java/lang/Thread", 0)).isTrue();
        assertThat(rewrite.retransformsAtStartup(Thread.class)).isTrue();
        assertThat(rewrite.retransformsAtStartup(Object.class)).isFalse();
        NativeCalls none = new NativeCalls.None();
        assertThat(none.rewrites("com/acme/Poller", Prefilter.MAY_CALL_BLOCKING_NATIVES)).isFalse();
        assertThat(none.rewrites("java/lang/Thread", 0)).isFalse();
        assertThat(none.retransformsAtStartup(Thread.class)).isFalse();
    }
}
