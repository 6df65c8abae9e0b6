package io.loopguard.agent.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.Test;

import io.loopguard.agent.weave.MethodRule;
import io.loopguard.format.Category;
import io.loopguard.format.options.FramePatterns;
import io.loopguard.runtime.SiteFlags;

/** Every family in {@link Families} has coherent rules: a new family that breaks one fails here, not in a user's JVM. */
class FamiliesTest {
    private final SiteTable sites = new SiteTable();
    private final Catalogue catalogue = Catalogue.standard(sites, true);

    @Test
    void eachImplementedCategoryIsReportedByExactlyOneFamily() {
        Set<Class<?>> classes = new HashSet<>();
        List<Category> categories = new ArrayList<>();
        for (BlockingFamily family : Families.all()) {
            assertThat(classes.add(family.getClass())).as(family.getClass() + " listed twice").isTrue();
            if (family.category() != null) {
                categories.add(family.category());
            }
        }
        assertThat(categories).doesNotHaveDuplicates();
        assertThat(EnumSet.copyOf(categories)).isEqualTo(EnumSet.range(Category.SLEEP, Category.STALL));
    }

    @Test
    void everyCataloguedMethodBelongsToExactlyOneRuleOfOneFamily() {
        int timed = 0;
        for (String owner : catalogue.owners()) {
            List<MethodRule> rules = catalogue.rulesFor(owner);
            for (int i = 0; i < rules.size(); i++) {
                MethodRule rule = rules.get(i);
                for (int j = i + 1; j < rules.size(); j++) {
                    MethodRule other = rules.get(j);
                    boolean overlap = rule.name().equals(other.name())
                            && (rule.descriptor() == null || other.descriptor() == null || rule.descriptor().equals(other.descriptor()));
                    assertThat(overlap).as(owner + "." + rule.name() + " is declared twice").isFalse();
                }
                if (rule.kind() == MethodRule.Kind.TIMED) {
                    timed++;
                    Site site = sites.get(rule.site());
                    assertThat(site).as(owner + "." + rule.name()).isNotNull();
                    assertThat(site.site()).isEqualTo(rule.site());
                    assertThat(Families.all()).as(owner + "." + rule.name()).contains(site.family());
                    if ((rule.site() & SiteFlags.SUPPRESS) == 0) {
                        assertThat(site.category()).as(owner + "." + rule.name()).isNotNull().isEqualTo(site.family().category());
                        assertThat(site.blockingMethod()).as(owner + "." + rule.name()).matches("[\\w.$<>]+\\.[\\w<>]+");
                    }
                }
            }
        }
        assertThat(timed).isGreaterThan(150);
    }

    @Test
    void theRewrittenNativesAreFixedSitesOfTheSleepAndWaitFamilies() {
        assertThat(sites.get(SiteFlags.NATIVE_SLEEP).category()).isEqualTo(Category.SLEEP);
        assertThat(sites.get(SiteFlags.NATIVE_SLEEP).blockingMethod()).isEqualTo("java.lang.Thread.sleep");
        assertThat(sites.get(SiteFlags.NATIVE_SLEEP).syntheticFrame().methodName()).isEqualTo("sleep");
        assertThat(sites.get(SiteFlags.NATIVE_SLEEP).syntheticFrame().lineNumber()).isEqualTo(-2);
        assertThat(sites.get(SiteFlags.NATIVE_WAIT).category()).isEqualTo(Category.WAIT);
        assertThat(sites.get(SiteFlags.NATIVE_WAIT).syntheticFrame().className()).isEqualTo("java.lang.Object");
        assertThat(sites.get(SiteFlags.NATIVE_WAIT).site()).isEqualTo(SiteFlags.NATIVE_WAIT);
        assertThat(sites.get(SiteFlags.NATIVE_YIELD).blockingMethod()).isEqualTo("java.lang.Thread.yield");
        assertThat(sites.get(SiteFlags.NATIVE_YIELD).category()).isEqualTo(Category.SLEEP);
    }

    @Test
    void theRewrittenFileNativesAreFixedSitesOfTheFileFamily() {
        assertThat(sites.get(SiteFlags.NATIVE_FILE_LENGTH).category()).isEqualTo(Category.FILE);
        assertThat(sites.get(SiteFlags.NATIVE_FILE_LENGTH).blockingMethod()).isEqualTo("java.io.RandomAccessFile.length");
        assertThat(sites.get(SiteFlags.NATIVE_FILE_SET_LENGTH).blockingMethod()).isEqualTo("java.io.RandomAccessFile.setLength");
        assertThat(sites.get(SiteFlags.NATIVE_FILE_SYNC).blockingMethod()).isEqualTo("java.io.FileDescriptor.sync");
        assertThat(sites.get(SiteFlags.NATIVE_FILE_SYNC).syntheticFrame().lineNumber()).isEqualTo(-2);
    }

    @Test
    void allowDefaultsAreOneListFeedingBothTheAllowListAndTheWovenScopes() {
        assertThat(Families.allowDefaults()).containsExactlyInAnyOrder(
                "java.lang.ClassLoader#loadClass",
                "jdk.internal.loader.BuiltinClassLoader#loadClassOrNull",
                "*#<clinit>",
                "sun.instrument.TransformerManager#transform",
                "java.lang.invoke.MethodHandleNatives#linkCallSite",
                "java.lang.invoke.MethodHandleNatives#linkDynamicConstant",
                "java.lang.invoke.MethodHandleNatives#findMethodHandleType",
                "java.lang.invoke.MethodHandleNatives#linkMethod",
                "java.lang.invoke.MethodHandleNatives#linkMethodHandleConstant",
                "jdk.jfr.FlightRecorder#register",
                "jdk.jfr.internal.MetadataRepository#register",
                "java.util.concurrent.ThreadPoolExecutor#getTask",
                "java.util.concurrent.ConcurrentHashMap#initTable",
                "io.netty.util.concurrent.SingleThreadEventExecutor#takeTask",
                "io.netty.util.concurrent.SingleThreadEventExecutor#confirmShutdown",
                "io.netty.channel.ManualIoEventLoop#confirmShutdown",
                "io.netty.util.concurrent.GlobalEventExecutor#takeTask",
                "io.netty.util.HashedWheelTimer$Worker#waitForNextTick",
                "io.netty.channel.epoll.EpollEventLoop#epollWait",
                "io.netty.channel.epoll.EpollEventLoop#epollWaitNoTimerChange",
                "io.netty.channel.epoll.EpollIoHandler#epollWait",
                "io.netty.channel.epoll.EpollIoHandler#epollWaitNoTimerChange",
                "io.netty.channel.kqueue.KQueueEventLoop#kqueueWait",
                "io.netty.channel.kqueue.KQueueIoHandler#kqueueWait",
                "sun.nio.ch.SelectorImpl#lockAndDoSelect",
                "sun.nio.ch.*SelectorImpl#wakeup",
                "io.netty.channel.AbstractChannel$AbstractUnsafe#deregister",
                "java.lang.ClassValue#initializeMap",
                "io.netty.util.concurrent.SingleThreadEventExecutor#addTask",
                "io.netty.util.concurrent.SingleThreadEventExecutor#pollTaskFrom",
                "io.netty.util.concurrent.GlobalEventExecutor#addTask",
                "io.netty.util.HashedWheelTimer#start",
                "io.netty.util.HashedWheelTimer#stop",
                "io.netty.buffer.PoolArena#lock",
                "io.netty.buffer.PoolSubpage#lock",
                "io.netty.buffer.PoolChunk#allocateRun",
                "io.netty.buffer.PoolChunk#free",
                "io.netty.buffer.AdaptivePoolingAllocator$1#initialValue",
                "io.netty.buffer.AdaptivePoolingAllocator$1#onRemoval",
                "io.netty.util.internal.ReferenceCountUpdater#retryRelease0",
                "io.vertx.core.impl.TaskQueue#execute",
                "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue#offer",
                "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue#take",
                "reactor.core.scheduler.BoundedElasticScheduler$BoundedScheduledExecutorService#ensureQueueCapacity",
                "reactor.core.scheduler.SchedulerTask#dispose",
                "reactor.core.scheduler.WorkerTask#dispose",
                "reactor.core.scheduler.ExecutorServiceWorker#dispose",
                "java.util.concurrent.ThreadPoolExecutor#processWorkerExit",
                "java.util.concurrent.FutureTask#handlePossibleCancellationInterrupt");
        int woven = 0;
        for (BlockingFamily family : Families.all()) {
            for (AllowDefault allowed : family.allowDefaults()) {
                assertThat(FramePatterns.problem(allowed.pattern())).as(allowed.pattern()).isNull();
                if (allowed.isWoven()) {
                    woven++;
                    assertThat(catalogue.rulesFor(allowed.owner())).as(allowed.pattern())
                            .anyMatch(r -> r.name().equals(allowed.method()) && (r.site() & SiteFlags.SUPPRESS) != 0);
                }
            }
        }
        assertThat(woven).isEqualTo(18);
        // without autodetect the loops are not hooked, but their idle waits are still allowed scopes
        Catalogue manual = Catalogue.standard(new SiteTable(), false);
        assertThat(manual.rulesFor("io/netty/channel/nio/NioEventLoop")).isNull();
        assertThat(manual.rulesFor("io/netty/util/concurrent/SingleThreadEventExecutor")).hasSize(2);
    }

    @Test
    void wouldBlockAnswersForTheFamiliesConditionalTargets() throws Exception {
        Site lock = MachineryTest.site(Category.LOCK, "java.util.concurrent.locks.ReentrantLock.lock");
        assertThat(lock.family().wouldBlock(lock, new ReentrantLock())).isFalse();
        assertThat(lock.family().wouldBlock(lock, new CountDownLatch(1))).isTrue();
        Site take = MachineryTest.site(Category.LOCK, "java.util.concurrent.LinkedBlockingQueue.take");
        assertThat(take.family().wouldBlock(take, new LinkedBlockingQueue<>())).isTrue();
        Site get = MachineryTest.site(Category.FUTURE, "java.util.concurrent.CompletableFuture.get");
        assertThat(get.family().wouldBlock(get, CompletableFuture.completedFuture(1))).isFalse();
        assertThat(get.family().wouldBlock(get, new CompletableFuture<>())).isTrue();
        Site join = MachineryTest.site(Category.WAIT, "java.lang.Thread.join");
        assertThat(join.family().wouldBlock(join, new Thread())).isFalse();
    }
}
