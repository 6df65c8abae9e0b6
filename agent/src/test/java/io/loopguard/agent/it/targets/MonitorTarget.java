package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;
import static io.loopguard.agent.it.support.TargetIO.pause;

import io.loopguard.LoopGuard;
import io.loopguard.agent.it.support.Expect;
import io.loopguard.agent.it.support.Scenario;
import io.loopguard.agent.it.support.ScenarioRunner;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Contended {@code synchronized} entries ({@code monitor}, read from JFR): a block, a method, a JDK class's own
 * {@code synchronized} method; an uncontended entry is nothing; one inside a blocking call is part of that call. Deterministic: the helper holds the monitor before
 * the scenario thread tries to enter it, and releases it only a fixed time after that thread is BLOCKED on it.
 */
public final class MonitorTarget {

    public static void main(String[] args) throws Exception {
        warmUp();
        ScenarioRunner.runAll(MonitorTarget.class, args);
        System.exit(0); // the agent's exit hook drains the JFR stream before the final data file
    }

    /**
     * The JFR stream starts when the first loop registers and takes a moment: register a first thread, then wait
     * for the stream through the API (recordedCallSites() waits until it has caught up).
     */
    static void warmUp() throws Exception {
        DriverManager.registerDriver(new LockingDriver()); // DriverManager's own start-up (its service loading) here
        CountDownLatch done = new CountDownLatch(1);
        Thread warm = new Thread(() -> {
            LoopGuard.register(Thread.currentThread());
            done.countDown();
        }, "warm-up");
        warm.start();
        done.await();
        warm.join();
        LoopGuard.recordedCallSites();
        fact("warmed", "true");
    }

    @Scenario
    @Expect(category = "monitor", method = "io.loopguard.agent.it.targets.MonitorTarget.synchronizedBlock",
            minMillis = 40, detailContains = {"java.lang.Object", "held by monitor-holder"})
    static void synchronizedBlock() {
        Object lock = new Object();
        heldWhileBlocked(lock, 40);
        synchronized (lock) {
            lock.hashCode();
        }
    }

    @Scenario
    @Expect(category = "monitor", method = "io.loopguard.agent.it.targets.MonitorTarget$Counter.increment",
            minMillis = 40, detailContains = "io.loopguard.agent.it.targets.MonitorTarget$Counter")
    static void synchronizedMethod() {
        Counter counter = new Counter();
        heldWhileBlocked(counter, 40);
        counter.increment();
    }

    /** Contention inside the JDK: {@code Hashtable.put} is a {@code synchronized} method. */
    @Scenario
    @Expect(category = "monitor", method = "java.util.Hashtable.put", minMillis = 40,
            detailContains = "java.util.Hashtable")
    static void jdkSynchronizedMethod() {
        Hashtable<String, String> table = new Hashtable<>();
        heldWhileBlocked(table, 40);
        table.put("key", "value");
    }

    /**
     * Contention inside a blocking call: a driver's {@code connect}, called by {@code DriverManager.getConnection},
     * waits for a lock held elsewhere. One call, one site: the {@code jdbc} call, whose time holds the wait, and no
     * {@code monitor} site beside it (the scenario is exclusive).
     */
    @Scenario
    @Expect(category = "jdbc", method = "java.sql.DriverManager.getConnection", minMillis = 40)
    static void monitorInsideABlockingCall() throws SQLException {
        heldWhileBlocked(LockingDriver.LOCK, 40);
        DriverManager.getConnection(LockingDriver.URL).close();
    }

    @Scenario
    static void uncontended() {
        Object lock = new Object();
        synchronized (lock) {
            lock.hashCode();
        }
        new Counter().increment();
    }

    /** A JDBC driver whose {@code connect} enters a shared lock, and whose connections do nothing. */
    static final class LockingDriver implements Driver {
        static final String URL = "jdbc:loopguard-locking:test";
        static final Object LOCK = new Object();

        @Override
        public Connection connect(String url, Properties info) {
            if (!acceptsURL(url)) {
                return null;
            }
            synchronized (LOCK) {
                LOCK.hashCode();
            }
            return (Connection) Proxy.newProxyInstance(MonitorTarget.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> null);
        }

        @Override
        public boolean acceptsURL(String url) {
            return URL.equals(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }
    }

    static final class Counter {
        int value;

        synchronized void increment() {
            value++;
        }
    }

    /**
     * Starts a helper that holds {@code monitor}; returns once it holds it. The helper keeps it until the calling
     * thread is BLOCKED entering it, then {@code millis} more. Never on a registered thread (helpers are not).
     */
    static void heldWhileBlocked(Object monitor, long millis) {
        Thread waiter = Thread.currentThread();
        CountDownLatch holding = new CountDownLatch(1);
        Thread helper = new Thread(() -> {
            synchronized (monitor) {
                holding.countDown();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (waiter.getState() != Thread.State.BLOCKED) {
                    if (System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException(waiter.getName() + " never blocked on the monitor");
                    }
                    Thread.onSpinWait();
                }
                pause(millis);
            }
        }, "monitor-holder");
        helper.setDaemon(true);
        helper.start();
        while (holding.getCount() > 0) {
            Thread.onSpinWait(); // spinning, not a latch wait: the scenario thread is registered
        }
    }

    private MonitorTarget() {
    }
}
