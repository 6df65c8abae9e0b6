package io.loopguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap runtime's contract with woven code, exercised directly (here as an ordinary class, not the copy the
 * agent defines inside {@code java.base}): only registered threads are timed, nested calls count once as the
 * outermost, conditional sites count only after a real wait, allowed scopes silence everything inside them, and no
 * failure of the agent's hooks ever reaches the caller.
 */
class HooksTest {
    static final int SITE = 7 << SiteFlags.INDEX_SHIFT;
    static final List<Object[]> RECORDED = new ArrayList<>();
    static Error checkerAnswer;
    static boolean recorderFails;

    @BeforeEach
    void install() throws Exception {
        RECORDED.clear();
        checkerAnswer = null;
        recorderFails = false;
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle recorder = lookup.findStatic(HooksTest.class, "record",
                MethodType.methodType(void.class, Thread.class, int.class, Object.class, long.class, long.class,
                        Throwable.class));
        MethodHandle checker = lookup.findStatic(HooksTest.class, "check",
                MethodType.methodType(Error.class, Thread.class, int.class, Object.class));
        Hooks.install(recorder, checker, null, false);
        Hooks.ready();
        Hooks.register(Thread.currentThread());
    }

    @AfterEach
    void uninstall() {
        Hooks.unregister(Thread.currentThread());
        Hooks.uninstall();
    }

    static void record(Thread thread, int site, Object context, long start, long end, Throwable stack) {
        if (recorderFails) {
            throw new IllegalStateException("recorder broke");
        }
        assertThat(stack.getStackTrace()[0].getClassName()).as("the stack is taken in the runtime")
                .isEqualTo(LoopThread.class.getName());
        RECORDED.add(new Object[] {thread, site, context, start, end});
    }

    static Error check(Thread thread, int site, Object context) {
        return checkerAnswer;
    }

    @Test
    void anUnregisteredThreadIsNeverTimed() throws Exception {
        Thread other = new Thread(() -> {
            long token = Hooks.enter(SITE, null);
            Hooks.exit(token, SITE);
            assertThat(token).isZero();
        });
        other.start();
        other.join();
        assertThat(RECORDED).isEmpty();
    }

    @Test
    void theOutermostCallIsRecordedOnceWithItsContextAndTimes() {
        long outer = Hooks.enter(SITE, "ctx");
        long inner = Hooks.enter(SITE + (1 << SiteFlags.INDEX_SHIFT), "inner");
        assertThat(outer).isNotZero().isNotEqualTo(LoopThread.NESTED);
        assertThat(inner).isEqualTo(LoopThread.NESTED);
        Hooks.exit(inner, SITE + (1 << SiteFlags.INDEX_SHIFT));
        Hooks.exit(outer, SITE);
        assertThat(RECORDED).hasSize(1);
        Object[] call = RECORDED.get(0);
        assertThat(call[0]).isSameAs(Thread.currentThread());
        assertThat(call[1]).isEqualTo(SITE);
        assertThat(call[2]).isEqualTo("ctx");
        assertThat((long) call[4]).isGreaterThanOrEqualTo((long) call[3]);
    }

    @Test
    void theFirstLoopToGetBusyWakesADozingWatchdog() throws Exception {
        int idleWait = SITE | SiteFlags.IDLE | SiteFlags.SUPPRESS;
        Thread watchdog = dozingWatchdog();
        Hooks.watchdogDozes(watchdog);
        long idle = Hooks.enter(idleWait, null);
        Hooks.exit(idle, idleWait); // the loop's idle wait returned: busy again
        watchdog.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(watchdog.isAlive()).as("woken long before its one-minute doze").isFalse();
    }

    @Test
    void aNewRegistrationWakesADozingWatchdog() throws Exception {
        Thread watchdog = dozingWatchdog();
        Hooks.watchdogDozes(watchdog);
        Thread other = new Thread(() -> { });
        Hooks.register(other); // registered by API: busy until its first idle wait
        watchdog.join(TimeUnit.SECONDS.toMillis(30));
        Hooks.unregister(other);
        assertThat(watchdog.isAlive()).isFalse();
    }

    /** A thread parked for a minute (any unpark ends it), returned once it is parked. */
    private static Thread dozingWatchdog() throws InterruptedException {
        Thread thread = new Thread(() -> {
            LockSupport.parkNanos(TimeUnit.MINUTES.toNanos(1));
        }, "watchdog-under-test");
        thread.setDaemon(true);
        thread.start();
        while (thread.getState() != Thread.State.TIMED_WAITING) { // parked before the other side acts
            Thread.sleep(1);
        }
        return thread;
    }

    @Test
    void aConditionalSiteCountsOnlyWhenSomethingInsideReallyWaited() {
        int future = SITE | SiteFlags.CONDITIONAL;
        long timed = Hooks.enter(future, null);
        assertThat(timed).as("a conditional call with a timeout is timed from its entry")
                .isNotEqualTo(LoopThread.DEFERRED).isLessThanOrEqualTo(System.nanoTime());
        Hooks.exit(timed, future);
        assertThat(RECORDED).as("no wait inside: not recorded").isEmpty();

        int lock = SITE | SiteFlags.CONDITIONAL | SiteFlags.CLOCK_AT_WAIT;
        int park = (8 << SiteFlags.INDEX_SHIFT) | SiteFlags.SIGNALS_WAIT;
        Hooks.exit(Hooks.enter(lock, null), lock);
        assertThat(RECORDED).as("uncontended: no park inside").isEmpty();

        long token = Hooks.enter(lock, null);
        assertThat(token).as("no clock read at a conditional call's entry").isEqualTo(LoopThread.DEFERRED);
        long beforePark = System.nanoTime();
        Hooks.exit(Hooks.enter(park, null), park);
        Hooks.exit(Hooks.enter(park, null), park); // a second wait inside the same call
        long afterExit = System.nanoTime();
        Hooks.exit(token, lock);
        assertThat(RECORDED).as("contended: parked inside").hasSize(1);
        long start = (long) RECORDED.get(0)[3];
        long end = (long) RECORDED.get(0)[4];
        assertThat(start).as("timed from the first wait").isBetween(beforePark, afterExit);
        assertThat(end).isGreaterThanOrEqualTo(start);

        Hooks.exit(Hooks.enter(lock, null), lock);
        assertThat(RECORDED).as("the next uncontended call again records nothing").hasSize(1);
    }

    @Test
    void anAllowedScopeSilencesEverythingInsideIt() {
        int allowed = SITE | SiteFlags.SUPPRESS;
        long scope = Hooks.enter(allowed, null);
        long inside = Hooks.enter(SITE, null);
        Hooks.exit(inside, SITE);
        Hooks.exit(scope, allowed);
        assertThat(RECORDED).isEmpty();
        Hooks.exit(Hooks.enter(SITE, null), SITE);
        assertThat(RECORDED).as("the scope ended: the next call counts again").hasSize(1);
    }

    @Test
    void anIpLiteralIsNoLookupAndANonBlockingChannelNoBlockingCall() throws Exception {
        int dns = SITE | SiteFlags.HOST_NAME;
        assertThat(Hooks.enter(dns, "127.0.0.1")).isZero();
        assertThat(Hooks.enter(dns, "[::1]")).isZero();
        assertThat(Hooks.enter(dns, null)).isZero();
        Hooks.exit(Hooks.enter(dns, "localhost"), dns);
        assertThat(RECORDED).hasSize(1);

        int channelSite = SITE | SiteFlags.BLOCKING_CHANNEL;
        try (SocketChannel channel = SocketChannel.open()) {
            channel.configureBlocking(false);
            assertThat(Hooks.enter(channelSite, channel)).isZero();
            channel.configureBlocking(true);
            Hooks.exit(Hooks.enter(channelSite, channel), channelSite);
        }
        assertThat(RECORDED).hasSize(2);
    }

    @Test
    void theCheckersErrorIsThrownBeforeTheCallAndLeavesTheThreadClean() {
        checkerAnswer = new Error("blocking call on an event loop");
        assertThatThrownBy(() -> Hooks.enter(SITE, null)).isSameAs(checkerAnswer);
        checkerAnswer = null;
        Hooks.exit(Hooks.enter(SITE, null), SITE);
        assertThat(RECORDED).as("depth was reset: the next call is an outermost one").hasSize(1);
    }

    @Test
    void aFailingRecorderIsCountedAndNeverReachesTheCaller() {
        long before = Hooks.errorCount();
        recorderFails = true;
        Hooks.exit(Hooks.enter(SITE, null), SITE);
        assertThat(Hooks.errorCount()).isEqualTo(before + 1);
        assertThat(Hooks.firstError()).isNotNull();
        recorderFails = false;
        Hooks.exit(Hooks.enter(SITE, null), SITE);
        assertThat(RECORDED).hasSize(1);
    }

    @Test
    void afterUninstallNothingCallsIntoTheAgent() {
        Hooks.uninstall();
        Hooks.exit(Hooks.enter(SITE, null), SITE);
        assertThat(RECORDED).isEmpty();
    }

    @Test
    void aRegisteredThreadKnowsTheSqlOfTheLastStatementsItPrepared() throws Exception {
        Object[] statements = new Object[LoopThread.PREPARED + 1];
        for (int i = 0; i < statements.length; i++) {
            statements[i] = new Object();
            Hooks.sqlPrepared(statements[i], "select " + i);
        }
        assertThat(Hooks.preparedSql(statements[statements.length - 1])).isEqualTo("select " + LoopThread.PREPARED);
        assertThat(Hooks.preparedSql(statements[1])).isEqualTo("select 1");
        assertThat(Hooks.preparedSql(statements[0])).as("pushed out of the ring by newer statements").isNull();
        assertThat(Hooks.preparedSql(new Object())).isNull();
        assertThat(Hooks.preparedSql(null)).isNull();

        Object elsewhere = new Object();
        String[] seen = new String[2];
        Thread other = new Thread(() -> {
            Hooks.sqlPrepared(elsewhere, "select 'unregistered'");
            seen[0] = Hooks.preparedSql(elsewhere);
            seen[1] = Hooks.preparedSql(statements[1]);
        });
        other.start();
        other.join();
        assertThat(seen).as("an unregistered thread keeps nothing and sees no loop's statements").containsOnlyNulls();
        assertThat(Hooks.preparedSql(elsewhere)).isNull();
    }
}
