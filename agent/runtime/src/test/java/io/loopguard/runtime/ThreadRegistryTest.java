package io.loopguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The copy-on-write open-addressing table behind every instrumented call's "is this an event loop?". */
class ThreadRegistryTest {

    @Test
    void registeredThreadsAreFoundAndOthersAreNot() {
        Thread loop = new Thread(() -> { }, "loop");
        Thread other = new Thread(() -> { }, "other");
        assertThat(ThreadRegistry.register(loop)).isTrue();
        try {
            assertThat(ThreadRegistry.register(loop)).as("second registration is a no-op").isFalse();
            assertThat(ThreadRegistry.find(loop)).isNotNull();
            assertThat(ThreadRegistry.find(loop).thread).isSameAs(loop);
            assertThat(ThreadRegistry.find(other)).isNull();
            assertThat(ThreadRegistry.threads()).contains(loop).doesNotContain(other);
        } finally {
            ThreadRegistry.unregister(loop);
        }
        assertThat(ThreadRegistry.find(loop)).isNull();
    }

    @Test
    void manyThreadsGrowTheTableAndAllStayFindable() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Thread t = new Thread(() -> { }, "loop-" + i);
            threads.add(t);
            ThreadRegistry.register(t);
        }
        try {
            for (Thread t : threads) {
                assertThat(ThreadRegistry.find(t)).as(t.getName()).isNotNull();
            }
        } finally {
            threads.forEach(ThreadRegistry::unregister);
        }
        for (Thread t : threads) {
            assertThat(ThreadRegistry.find(t)).isNull();
        }
    }

    @Test
    void terminatedThreadsAreDroppedAtTheNextChange() throws Exception {
        Thread finished = new Thread(() -> { }, "finished");
        ThreadRegistry.register(finished);
        finished.start();
        finished.join();
        Thread next = new Thread(() -> { }, "next");
        ThreadRegistry.register(next);
        try {
            assertThat(ThreadRegistry.find(finished)).as("the table stays bounded").isNull();
            assertThat(ThreadRegistry.find(next)).isNotNull();
        } finally {
            ThreadRegistry.unregister(next);
        }
    }

    @Test
    void hostNamesAreToldFromIpLiterals() {
        assertThat(LoopThread.isHostName("localhost")).isTrue();
        assertThat(LoopThread.isHostName("db.example.com")).isTrue();
        assertThat(LoopThread.isHostName("10.0.0.1")).isFalse();
        assertThat(LoopThread.isHostName("::1")).isFalse();
        assertThat(LoopThread.isHostName("[fe80::1]")).isFalse();
        assertThat(LoopThread.isHostName("")).isFalse();
        assertThat(LoopThread.isHostName(null)).isFalse();
        assertThat(LoopThread.isHostName(42)).isFalse();
    }
}
