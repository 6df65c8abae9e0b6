package io.loopguard.agent.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import io.loopguard.agent.weave.NativeCalls;
import io.loopguard.agent.weave.NativeMethod;
import io.loopguard.agent.weave.Prefilter;

class JdkDifferencesTest {
    @Test
    void theNativeCallRewriteIsChosenOnlyWhereSleepWaitAndYieldAreNative() {
        NativeCalls chosen = JdkDifferences.nativeCalls();
        // Thread.sleep(long), Object.wait(long) and Thread.yield() became Java methods in JDK 19 (Loom)
        assertThat(chosen).isInstanceOf(Runtime.version().feature() < 22 ? NativeCalls.Rewrite.class : NativeCalls.None.class);
        // RandomAccessFile.length/setLength and FileDescriptor.sync became Java methods in JDK 22
        boolean fileNatives = Runtime.version().feature() < 22;
        assertThat(chosen.natives().contains(NativeMethod.FILE_LENGTH)).isEqualTo(fileNatives);
        assertThat(chosen.natives().contains(NativeMethod.FILE_SET_LENGTH)).isEqualTo(fileNatives);
        assertThat(chosen.natives().contains(NativeMethod.FILE_SYNC)).isEqualTo(fileNatives);
        assertThat(chosen.natives().contains(NativeMethod.THREAD_SLEEP)).isEqualTo(Runtime.version().feature() < 19);
    }

    @Test
    void theRewriteOfFileNativesAloneLeavesThreadAlone() {
        NativeCalls files = new NativeCalls.Rewrite(EnumSet.of(NativeMethod.FILE_LENGTH, NativeMethod.FILE_SYNC));
        assertThat(files.rewrites("com/acme/Store", Prefilter.MAY_CALL_FILE_NATIVES)).isTrue();
        assertThat(files.rewrites("com/acme/Poller", Prefilter.MAY_CALL_BLOCKING_NATIVES)).isFalse();
        assertThat(files.rewrites("java/lang/Thread", 0)).isFalse();
        assertThat(files.retransformsAtStartup(Thread.class)).isFalse();
    }

    @Test
    void theRewriteCoversCallersOfTheNativesAndThreadItself() {
        NativeCalls rewrite = new NativeCalls.Rewrite(EnumSet.allOf(NativeMethod.class));
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
