package io.loopguard.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.loopguard.agent.catalogue.Site;
import io.loopguard.format.Category;
import io.loopguard.format.Frame;

class StackCaptureTest {
    private static Frame frame(String cls, String method) {
        return new Frame(cls, method, null, 1);
    }

    private static Site site(Category category, String method) {
        return new Site(1 << 8, category, method, null);
    }

    @Test
    void internalLocksAndSpinsOfJavaUtilConcurrentAreMachinery() {
        List<Frame> executorLock = List.of(frame("java.util.concurrent.locks.ReentrantLock", "lock"),
                frame("java.util.concurrent.ThreadPoolExecutor", "shutdownNow"), frame("io.vertx.core.impl.WorkerPool", "close"));
        assertThat(StackCapture.isConcurrencyMachinery(site(Category.LOCK, "java.util.concurrent.locks.ReentrantLock.lock"), executorLock)).isTrue();
        List<Frame> futureSpin = List.of(frame("java.lang.Thread", "yield"),
                frame("java.util.concurrent.FutureTask", "handlePossibleCancellationInterrupt"));
        assertThat(StackCapture.isConcurrencyMachinery(site(Category.SLEEP, "java.lang.Thread.yield"), futureSpin)).isTrue();
    }

    @Test
    void theApplicationsOwnCallsAreNot() {
        List<Frame> appLock = List.of(frame("java.util.concurrent.locks.ReentrantLock", "lock"), frame("com.acme.Cache", "get"));
        assertThat(StackCapture.isConcurrencyMachinery(site(Category.LOCK, "java.util.concurrent.locks.ReentrantLock.lock"), appLock)).isFalse();
        List<Frame> appSleep = List.of(frame("java.lang.Thread", "sleep"), frame("java.util.concurrent.FutureTask", "run"));
        assertThat(StackCapture.isConcurrencyMachinery(site(Category.SLEEP, "java.lang.Thread.sleep"), appSleep)).isFalse();
        List<Frame> appFile = List.of(frame("java.io.FileInputStream", "read"), frame("java.util.concurrent.FutureTask", "run"));
        assertThat(StackCapture.isConcurrencyMachinery(site(Category.FILE, "java.io.FileInputStream.read"), appFile)).isFalse();
    }

    @Test
    void keysTellApartMethodsThatBlockAtTheSameLine() {
        StackTraceElement[] a = {new StackTraceElement("java.lang.Thread", "sleep", null, -2), new StackTraceElement("x.Y", "a", "Y.java", 5)};
        StackTraceElement[] b = {new StackTraceElement("java.lang.Thread", "sleep", null, -2), new StackTraceElement("x.Y", "b", "Y.java", 5)};
        assertThat(StackCapture.key(1, a)).isNotEqualTo(StackCapture.key(1, b));
        assertThat(StackCapture.key(1, a)).isEqualTo(StackCapture.key(1, a.clone()));
    }
}
