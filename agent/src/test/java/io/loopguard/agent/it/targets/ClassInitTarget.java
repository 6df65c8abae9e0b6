package io.loopguard.agent.it.targets;

import static io.loopguard.agent.it.support.TargetIO.fact;
import static io.loopguard.agent.it.support.TargetIO.pause;

import io.loopguard.agent.it.support.Expect;
import io.loopguard.agent.it.support.Scenario;
import io.loopguard.agent.it.support.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;

/**
 * A registered thread that needs a class while another thread is linking it waits for the JVM's class-linking lock,
 * which JFR reports as a contended monitor of class {@code int[]}; that is JVM warm-up, not recorded. A
 * {@code synchronized} block on an {@code int[]} of the application's is a {@code monitor} call site as any other.
 *
 * <p>Deterministic: a fresh loader per scenario holds back the loading of {@code Sub}, which verifying
 * {@code Linked} needs, on the linking thread only; so the linker holds {@code Linked}'s linking lock before the
 * scenario thread asks for the class, and keeps it until that thread is BLOCKED on it, then 40 ms more.
 */
public final class ClassInitTarget {
    static final String PACKAGE = "io.loopguard.agent.it.targets.classinit.";

    public static void main(String[] args) throws Exception {
        MonitorTarget.warmUp();
        ScenarioRunner.runAll(ClassInitTarget.class, args);
        System.exit(0); // the agent's exit hook drains the JFR stream before the final data file
    }

    /** The wait's top frame is {@code Class.forName0}, a native method. */
    @Scenario
    static void classLinkedByAnotherThreadForName() throws Exception {
        HeldBackLoader loader = new HeldBackLoader(Thread.currentThread());
        loader.startLinker();
        Class.forName(PACKAGE + "Linked", true, loader);
        fact("needed." + Thread.currentThread().getName(), loader.waiterBlocked);
    }

    /** The wait's top frame is {@code Trigger.run} at its {@code new}, not its first instruction. */
    @Scenario
    static void classLinkedByAnotherThreadNew() throws Exception {
        HeldBackLoader loader = new HeldBackLoader(Thread.currentThread());
        Runnable trigger = (Runnable) Class.forName(PACKAGE + "Trigger", true, loader).getDeclaredConstructor()
                .newInstance();
        loader.startLinker();
        trigger.run();
        fact("needed." + Thread.currentThread().getName(), loader.waiterBlocked);
    }

    @Scenario
    @Expect(category = "monitor", method = "io.loopguard.agent.it.targets.ClassInitTarget.synchronizedOnAnIntArray",
            minMillis = 40, detailContains = {"[I", "held by monitor-holder"})
    static void synchronizedOnAnIntArray() {
        int[] lock = new int[1];
        MonitorTarget.heldWhileBlocked(lock, 40);
        synchronized (lock) {
            lock[0]++;
        }
    }

    /**
     * Loads the {@code classinit} classes itself (child first, from the parent's class files); on the linker thread
     * it holds back {@code Sub} until the waiter is BLOCKED, then 40 ms more. Parallel capable, so loading one class
     * never locks the loader as a whole.
     */
    static final class HeldBackLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Thread waiter;
        private volatile Thread linker;
        private volatile boolean linking;
        volatile boolean waiterBlocked;

        HeldBackLoader(Thread waiter) {
            super(ClassInitTarget.class.getClassLoader());
            this.waiter = waiter;
        }

        /** Starts a thread that links {@code Linked}; returns once it holds the linking lock (spinning). */
        void startLinker() {
            Thread thread = new Thread(() -> {
                try {
                    Class.forName(PACKAGE + "Linked", true, this);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }, "linker");
            thread.setDaemon(true);
            linker = thread;
            thread.start();
            while (!linking) {
                Thread.onSpinWait(); // not a latch: the scenario thread may be registered
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded != null) {
                    return loaded;
                }
                if (name.equals(PACKAGE + "Sub") && Thread.currentThread() == linker) {
                    linking = true; // the JVM is verifying Linked on this thread, its linking lock held
                    awaitWaiterBlocked();
                    pause(40);
                }
                String resource = name.replace('.', '/') + ".class";
                try (InputStream in = getParent().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }

        private void awaitWaiterBlocked() {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (waiter.getState() != Thread.State.BLOCKED) {
                if (System.nanoTime() - deadline > 0) {
                    return; // the test then sees needed.<thread>=false
                }
                Thread.onSpinWait();
            }
            waiterBlocked = true;
        }
    }

    private ClassInitTarget() {
    }
}
