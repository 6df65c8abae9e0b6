package io.loopguard.agent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.loopguard.format.Category;
import io.loopguard.format.Frame;

/** The families' machinery rule ({@link BlockingFamily#isMachinery}), asked through the site as the recorder does. */
class MachineryTest {
    private static Frame frame(String cls, String method) {
        return new Frame(cls, method, null, 1);
    }

    static Site site(Category category, String method) {
        for (BlockingFamily family : Families.all()) {
            if (family.category() == category) {
                return new Site(1 << 8, family, category, method, null);
            }
        }
        throw new AssertionError("no family for " + category);
    }

    private static boolean isMachinery(Site site, List<Frame> stack) {
        return site.family().isMachinery(site, stack);
    }

    @Test
    void internalLocksAndSpinsOfJavaUtilConcurrentAreMachinery() {
        List<Frame> executorLock = List.of(frame("java.util.concurrent.locks.ReentrantLock", "lock"),
                frame("java.util.concurrent.ThreadPoolExecutor", "shutdownNow"), frame("io.vertx.core.impl.WorkerPool", "close"));
        assertThat(isMachinery(site(Category.LOCK, "java.util.concurrent.locks.ReentrantLock.lock"), executorLock)).isTrue();
        List<Frame> futureSpin = List.of(frame("java.lang.Thread", "yield"),
                frame("java.util.concurrent.FutureTask", "handlePossibleCancellationInterrupt"));
        assertThat(isMachinery(site(Category.SLEEP, "java.lang.Thread.yield"), futureSpin)).isTrue();
    }

    @Test
    void theApplicationsOwnCallsAreNot() {
        List<Frame> appLock = List.of(frame("java.util.concurrent.locks.ReentrantLock", "lock"), frame("com.acme.Cache", "get"));
        assertThat(isMachinery(site(Category.LOCK, "java.util.concurrent.locks.ReentrantLock.lock"), appLock)).isFalse();
        List<Frame> appSleep = List.of(frame("java.lang.Thread", "sleep"), frame("java.util.concurrent.FutureTask", "run"));
        assertThat(isMachinery(site(Category.SLEEP, "java.lang.Thread.sleep"), appSleep)).isFalse();
        List<Frame> appFile = List.of(frame("java.io.FileInputStream", "read"), frame("java.util.concurrent.FutureTask", "run"));
        assertThat(isMachinery(site(Category.FILE, "java.io.FileInputStream.read"), appFile)).isFalse();
    }

    @Test
    void futuresAndParksCalledByJavaUtilConcurrentAreMachineryToo() {
        List<Frame> executorWait = List.of(frame("java.util.concurrent.FutureTask", "get"),
                frame("java.util.concurrent.AbstractExecutorService", "invokeAll"), frame("com.acme.App", "run"));
        assertThat(isMachinery(site(Category.FUTURE, "java.util.concurrent.FutureTask.get"), executorWait)).isTrue();
        List<Frame> queuePark = List.of(frame("java.util.concurrent.locks.LockSupport", "park"),
                frame("java.util.concurrent.SynchronousQueue$TransferStack", "transfer"));
        assertThat(isMachinery(site(Category.PARK, "java.util.concurrent.locks.LockSupport.park"), queuePark)).isTrue();
        assertThat(JdkFrames.isJdk("javax.net.ssl.SSLSocket")).isTrue();
        assertThat(JdkFrames.isJdk("com.acme.App")).isFalse();
    }
}
